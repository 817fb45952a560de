package care.parcours.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code up} prints once everything is ready: where each service answers, and how to
 * get a token.
 */
final class StartupTable {

	private static final String ROW = "  %-20s %-24s %-50s %s%n";

	private StartupTable() {
	}

	static String render(RunningPlatform platform, Path repositoryRoot, String infrastructure) {
		StringBuilder out = new StringBuilder("\n");
		String took = " (started in " + Supervisor.seconds(platform.startupTime()) + " s)";
		if (platform.services().contains(ServiceName.GATEWAY)) {
			out.append("Parcours is up: ").append(platform.url(ServiceName.GATEWAY)).append(took).append("\n\n");
		}
		else {
			out.append("Parcours is up without its gateway").append(took).append("\n\n");
		}
		out.append(String.format(ROW, "SERVICE", "URL", "READINESS", "LOG"));
		for (ServiceName service : gatewayFirst(platform)) {
			out.append(String.format(ROW, service.module(), platform.url(service), platform.readinessUrl(service),
					relative(repositoryRoot, platform.logFile(service))));
			if (service != ServiceName.GATEWAY) {
				for (int instance = 2; instance <= platform.instances(); instance++) {
					out.append(String.format(ROW, LaunchPlan.instanceName(service, instance),
							platform.url(service, instance), platform.readinessUrl(service, instance),
							relative(repositoryRoot, platform.logFile(service, instance))));
				}
			}
		}
		out.append("\n  ").append(infrastructure).append('\n');
		if (platform.services().contains(ServiceName.AUTH)) {
			out.append(DemoTokens.render(platform));
		}
		out.append("  Ctrl-C or ./parcours down stops everything; ./parcours logs [service] follows the logs.\n");
		return out.toString();
	}

	private static List<ServiceName> gatewayFirst(RunningPlatform platform) {
		List<ServiceName> order = new ArrayList<>();
		for (ServiceName first : List.of(ServiceName.GATEWAY, ServiceName.AUTH)) {
			if (platform.services().contains(first)) {
				order.add(first);
			}
		}
		ServiceName.backends().stream().filter(platform.services()::contains).forEach(order::add);
		return order;
	}

	private static Path relative(Path root, Path file) {
		return file.startsWith(root) ? root.relativize(file) : file;
	}

}
