package care.parcours.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A gateway run from its jar as a process of its own on free ports, beside the
 * platform's: the bare one (Spring Cloud Gateway with one route and nothing of ours), or
 * a second of ours set otherwise. The same JVM options as the services, and pinned like
 * them.
 */
final class GatewayProcess implements AutoCloseable {

	private static final Duration START_LIMIT = Duration.ofSeconds(90);

	private final Process process;

	private final URI url;

	private final URI managementUrl;

	private GatewayProcess(Process process, URI url, URI managementUrl) {
		this.process = process;
		this.url = url;
		this.managementUrl = managementUrl;
	}

	/**
	 * @param environment more environment variables, besides the ports and the service's
	 * URL
	 */
	static GatewayProcess start(Path jar, URI service, List<String> jvmOptions, Map<String, String> environment,
			Path log) throws IOException, InterruptedException {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No " + jar + ": build it with ./mvnw package");
		}
		int[] ports = freePorts();
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString()));
		Files.createDirectories(log.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(ports[0]));
		builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(ports[1]));
		builder.environment().put("PARCOURS_PARTNER_URL", service.toString());
		GatewayProcess bare = new GatewayProcess(builder.start(), URI.create("http://127.0.0.1:" + ports[0]),
				URI.create("http://127.0.0.1:" + ports[1]));
		bare.awaitReady(log);
		return bare;
	}

	URI url() {
		return url;
	}

	URI managementUrl() {
		return managementUrl;
	}

	ProcessHandle process() {
		return process.toHandle();
	}

	private void awaitReady(Path log) throws InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest readiness = HttpRequest.newBuilder(managementUrl.resolve("/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + START_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The gateway stopped while starting; see " + log);
			}
			try {
				if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		close();
		throw new IllegalStateException("The gateway was not ready within " + START_LIMIT + "; see " + log);
	}

	private static int[] freePorts() throws IOException {
		try (ServerSocket server = new ServerSocket(0); ServerSocket management = new ServerSocket(0)) {
			return new int[] { server.getLocalPort(), management.getLocalPort() };
		}
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

}
