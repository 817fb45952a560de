package care.parcours.local;

import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP port of every service, and the management ports of the two the public reaches
 * (the gateway, and the authorization server where people log in). The local platform
 * uses the {@link #defaults()}; tests use {@link #random()} ports so that they run beside
 * a local platform.
 *
 * @param ports a distinct port for each of the six services
 * @param management where the gateway and the authorization server answer probes and
 * metrics (their own port serves no actuator endpoint); the others answer them on their
 * own port
 */
public record PortPlan(Map<ServiceName, Integer> ports, Map<ServiceName, Integer> management) {

	public PortPlan {
		EnumMap<ServiceName, Integer> copy = new EnumMap<>(ServiceName.class);
		copy.putAll(ports);
		Set<Integer> seen = new HashSet<>();
		for (ServiceName service : ServiceName.values()) {
			Integer port = copy.get(service);
			if (port == null) {
				throw new IllegalArgumentException("No port for " + service.module());
			}
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException("Port " + port + " of " + service.module() + " is not a TCP port");
			}
			if (!seen.add(port)) {
				throw new IllegalArgumentException("Port " + port + " is planned for two services");
			}
		}
		EnumMap<ServiceName, Integer> managementCopy = new EnumMap<>(ServiceName.class);
		for (ServiceName service : ServiceName.values()) {
			Integer port = management.get(service);
			if (service.defaultManagementPort().isEmpty()) {
				if (port != null) {
					throw new IllegalArgumentException(service.module()
							+ " answers probes and metrics on its own port; it has no management port");
				}
				continue;
			}
			if (port == null) {
				throw new IllegalArgumentException("No management port for " + service.module());
			}
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException(
						"Management port " + port + " of " + service.module() + " is not a TCP port");
			}
			if (!seen.add(port)) {
				throw new IllegalArgumentException("Port " + port + " is planned twice, once as a management port");
			}
			managementCopy.put(service, port);
		}
		ports = Collections.unmodifiableMap(copy);
		management = Collections.unmodifiableMap(managementCopy);
	}

	/** The services' ports with the default management ports. */
	public PortPlan(Map<ServiceName, Integer> ports) {
		this(ports, defaultManagement());
	}

	/**
	 * Gateway 8080, patient 8081, scheduling 8082, billing 8083, partner 8084, auth 9000;
	 * management of the gateway 9080, of the authorization server 9001.
	 */
	public static PortPlan defaults() {
		Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
		for (ServiceName service : ServiceName.values()) {
			ports.put(service, service.defaultPort());
		}
		return new PortPlan(ports);
	}

	/**
	 * Distinct ports that were free a moment ago, chosen by the operating system.
	 */
	public static PortPlan random() {
		List<ServiceName> managed = Arrays.stream(ServiceName.values())
			.filter((service) -> service.defaultManagementPort().isPresent())
			.toList();
		List<Integer> free = Ports.free(ServiceName.values().length + managed.size());
		Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
		for (ServiceName service : ServiceName.values()) {
			ports.put(service, free.get(service.ordinal()));
		}
		Map<ServiceName, Integer> management = new EnumMap<>(ServiceName.class);
		for (int i = 0; i < managed.size(); i++) {
			management.put(managed.get(i), free.get(ServiceName.values().length + i));
		}
		return new PortPlan(ports, management);
	}

	/**
	 * Every port, management ports included, moved by the given number: the ports of a
	 * second instance of each service beside the first ({@code defaults().shifted(10)}:
	 * scheduling 8092, the authorization server 9010).
	 */
	public PortPlan shifted(int delta) {
		Map<ServiceName, Integer> moved = new EnumMap<>(ServiceName.class);
		this.ports.forEach((service, port) -> moved.put(service, port + delta));
		Map<ServiceName, Integer> movedManagement = new EnumMap<>(ServiceName.class);
		this.management.forEach((service, port) -> movedManagement.put(service, port + delta));
		return new PortPlan(moved, movedManagement);
	}

	public int port(ServiceName service) {
		return this.ports.get(service);
	}

	/**
	 * Where the service answers its probes and metrics: the gateway and the authorization
	 * server on their management port, the others (which the public does not reach) on
	 * their own port.
	 */
	public int managementPort(ServiceName service) {
		return this.management.getOrDefault(service, port(service));
	}

	/** Where the service answers its probes and metrics, on the host given. */
	public URI managementUrl(String host, ServiceName service) {
		return URI.create("http://" + host + ":" + managementPort(service));
	}

	/** Answers 200 while the service takes traffic. */
	public URI readinessUrl(String host, ServiceName service) {
		return managementUrl(host, service).resolve("/actuator/health/readiness");
	}

	/** Whether the service answers probes and metrics on a port of their own. */
	public boolean hasManagementPort(ServiceName service) {
		return this.management.containsKey(service);
	}

	private static Map<ServiceName, Integer> defaultManagement() {
		Map<ServiceName, Integer> management = new EnumMap<>(ServiceName.class);
		for (ServiceName service : ServiceName.values()) {
			service.defaultManagementPort().ifPresent((port) -> management.put(service, port));
		}
		return management;
	}

}
