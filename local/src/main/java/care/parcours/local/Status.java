package care.parcours.local;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

/** {@code parcours status}: whether the launcher runs, and which services are ready. */
final class Status {

	private Status() {
	}

	/** Prints one line per service; returns 0 when every service is ready, else 1. */
	static int print(PidFile pidFile) {
		System.out.println(pidFile.liveOwner()
			.map((launcher) -> "Parcours launcher: running (pid " + launcher.pid() + ")")
			.orElse("Parcours launcher: not running"));
		PortPlan ports = PortPlan.defaults();
		int ready = 0;
		try (Readiness readiness = new Readiness()) {
			for (ServiceName service : order()) {
				URI url = URI.create("http://localhost:" + ports.port(service));
				boolean up = readiness.isReady(ports.readinessUrl("localhost", service));
				ready += up ? 1 : 0;
				System.out.printf("  %-20s %-24s %s%n", service.module(), url, up ? "ready" : "not ready");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
		return (ready == ServiceName.values().length) ? 0 : 1;
	}

	private static List<ServiceName> order() {
		return Stream.concat(Stream.of(ServiceName.GATEWAY, ServiceName.AUTH), ServiceName.backends().stream())
			.toList();
	}

}
