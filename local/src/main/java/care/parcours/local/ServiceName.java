package care.parcours.local;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The six deployable parts of Parcours, with what the local platform needs to know to
 * start each one: its Maven module (which names its jar and log), its default port and
 * the suffix of its database.
 */
public enum ServiceName {

	/**
	 * The OAuth2 / OpenID Connect authorization server: it issues every token, so it
	 * starts before the services that check them.
	 */
	AUTH("authorization-server", 9000, 9001, "auth"),

	PATIENT("patient-service", 8081, null, "patient"),

	SCHEDULING("scheduling-service", 8082, null, "scheduling"),

	BILLING("billing-service", 8083, null, "billing"),

	PARTNER("partner-service", 8084, null, "partner"),

	/** The only public entry point; it has no database of its own. */
	GATEWAY("gateway", 8080, 9080, null);

	private final String module;

	private final int defaultPort;

	private final @Nullable Integer defaultManagementPort;

	private final @Nullable String databaseSuffix;

	ServiceName(String module, int defaultPort, @Nullable Integer defaultManagementPort,
			@Nullable String databaseSuffix) {
		this.module = module;
		this.defaultPort = defaultPort;
		this.defaultManagementPort = defaultManagementPort;
		this.databaseSuffix = databaseSuffix;
	}

	/** The Maven module, such as {@code partner-service}. */
	public String module() {
		return this.module;
	}

	/** The port of the service in the local platform and in docker-compose. */
	public int defaultPort() {
		return this.defaultPort;
	}

	/**
	 * Where the public reaches the service (the gateway, the authorization server's
	 * login), its probes and metrics answer on a port of their own: this one by default.
	 */
	public Optional<Integer> defaultManagementPort() {
		return Optional.ofNullable(this.defaultManagementPort);
	}

	/**
	 * The database of this service for the given prefix: {@code parcours_partner} for
	 * {@code parcours_}; empty for the gateway.
	 */
	public Optional<String> databaseName(String prefix) {
		return Optional.ofNullable(this.databaseSuffix).map((suffix) -> prefix + suffix);
	}

	/**
	 * The runnable jar the module's build leaves, {@code <module>/target/<module>.jar}.
	 */
	public Path jar(Path repositoryRoot) {
		return repositoryRoot.resolve(this.module).resolve("target").resolve(this.module + ".jar");
	}

	/**
	 * The four services behind the gateway, in start order; the authorization server is
	 * not one of them.
	 */
	public static List<ServiceName> backends() {
		return List.of(PATIENT, SCHEDULING, BILLING, PARTNER);
	}

	/**
	 * The service named by its module ({@code partner-service}) or its short name
	 * ({@code partner}, {@code auth}), ignoring case.
	 * @throws IllegalArgumentException when no service has that name
	 */
	public static ServiceName parse(String name) {
		String wanted = name.toLowerCase(Locale.ROOT);
		for (ServiceName service : values()) {
			if (service.module.equals(wanted) || service.name().toLowerCase(Locale.ROOT).equals(wanted)) {
				return service;
			}
		}
		throw new IllegalArgumentException("No service named '" + name + "'; known: "
				+ String.join(", ", Arrays.stream(values()).map(ServiceName::module).toList()));
	}

}
