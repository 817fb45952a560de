package care.parcours.local;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP port of every service. The local platform uses the {@link #defaults()}; tests
 * use {@link #random()} ports so that they run beside a local platform.
 *
 * @param ports a distinct port for each of the six services
 */
public record PortPlan(Map<ServiceName, Integer> ports) {

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
		ports = Collections.unmodifiableMap(copy);
	}

	/**
	 * Gateway 8080, patient 8081, scheduling 8082, billing 8083, partner 8084, auth 9000.
	 */
	public static PortPlan defaults() {
		Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
		for (ServiceName service : ServiceName.values()) {
			ports.put(service, service.defaultPort());
		}
		return new PortPlan(ports);
	}

	/**
	 * Six distinct ports that were free a moment ago, chosen by the operating system.
	 */
	public static PortPlan random() {
		List<Integer> free = Ports.free(ServiceName.values().length);
		Map<ServiceName, Integer> ports = new EnumMap<>(ServiceName.class);
		for (ServiceName service : ServiceName.values()) {
			ports.put(service, free.get(service.ordinal()));
		}
		return new PortPlan(ports);
	}

	public int port(ServiceName service) {
		return this.ports.get(service);
	}

}
