package care.parcours.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code pgbench} with a custom script against a database, the baseline of what the
 * database alone does with the same number of clients.
 */
public final class Pgbench {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

	private Pgbench() {
	}

	/** Transactions per second and average latency of one pgbench run. */
	public record Result(double tps, double averageLatencyMillis, String output) {

	}

	/**
	 * @param jdbcUrl the database, as {@code jdbc:postgresql://host:port/name}
	 * @param script the pgbench script, run once per transaction
	 */
	public static Result run(String jdbcUrl, String user, String password, String script, int clients,
			Duration duration) throws IOException, InterruptedException {
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		Path file = Files.createTempFile("pgbench", ".sql");
		Files.writeString(file, script);
		List<String> command = new ArrayList<>(List.of("pgbench", "--no-vacuum", "-h", uri.getHost(), "-p",
				String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()), "-U", user, "-c", String.valueOf(clients),
				"-j", String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
				String.valueOf(duration.toSeconds()), "-f", file.toString(), uri.getPath().substring(1)));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (!password.isEmpty()) {
			builder.environment().put("PGPASSWORD", password);
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("pgbench failed:\n" + output);
		}
		Matcher tps = TPS.matcher(output);
		Matcher latency = LATENCY.matcher(output);
		if (!tps.find() || !latency.find()) {
			throw new IllegalStateException("Could not read pgbench's figures:\n" + output);
		}
		return new Result(Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)), output);
	}

}
