package care.parcours.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code parcours status}: whether the launcher runs, and which services are ready, every
 * instance of each when {@code up --instances} started several.
 */
final class Status {

	private Status() {
	}

	/**
	 * Prints one line per instance of each service; returns 0 when every one is ready,
	 * else 1.
	 */
	static int print(PidFile pidFile) {
		System.out.println(pidFile.liveOwner()
			.map((launcher) -> "Parcours launcher: running (pid " + launcher.pid() + ")")
			.orElse("Parcours launcher: not running"));
		try (Readiness readiness = new Readiness()) {
			List<Row> rows = rows(recordedInstances(pidFile), (url) -> {
				try {
					return readiness.isReady(url);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			});
			rows.forEach((row) -> System.out.printf("  %-22s %-24s %s%n", row.name(), row.url(),
					row.ready() ? "ready" : "not ready"));
			return rows.stream().allMatch(Row::ready) && !Thread.currentThread().isInterrupted() ? 0 : 1;
		}
	}

	/**
	 * @param name the instance's name, {@code scheduling-service-2} for the second
	 * @param url where it answers HTTP
	 * @param ready whether it answered its readiness probe
	 */
	record Row(String name, URI url, boolean ready) {
	}

	/**
	 * The gateway, then each instance of the authorization server and of the services on
	 * the default ports, the second instance's 10 above the first's.
	 */
	static List<Row> rows(int instances, Predicate<URI> isReady) {
		List<Row> rows = new ArrayList<>();
		for (ServiceName service : order()) {
			int count = (service == ServiceName.GATEWAY) ? 1 : instances;
			for (int instance = 1; instance <= count; instance++) {
				PortPlan ports = PortPlan.defaults().shifted(10 * (instance - 1));
				rows.add(new Row(LaunchPlan.instanceName(service, instance),
						URI.create("http://localhost:" + ports.port(service)),
						isReady.test(ports.readinessUrl("localhost", service))));
			}
		}
		return rows;
	}

	/**
	 * Notes how many instances of each service {@code up} starts, beside its pid file,
	 * for {@code status} to list them all.
	 */
	static void recordInstances(PidFile pidFile, int instances) {
		try {
			Files.writeString(instancesFile(pidFile), instances + "\n");
		}
		catch (IOException ex) {
			// status then lists the first instances only.
		}
	}

	/** What {@link #recordInstances} noted; 1 when nothing was. */
	static int recordedInstances(PidFile pidFile) {
		try {
			return Math.max(1, Math.min(9, Integer.parseInt(Files.readString(instancesFile(pidFile)).strip())));
		}
		catch (IOException | NumberFormatException ex) {
			return 1;
		}
	}

	private static Path instancesFile(PidFile pidFile) {
		return pidFile.path().resolveSibling("instances");
	}

	private static List<ServiceName> order() {
		return Stream.concat(Stream.of(ServiceName.GATEWAY, ServiceName.AUTH), ServiceName.backends().stream())
			.toList();
	}

}
