package care.parcours.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started platform. Closing it stops the services (SIGTERM, then SIGKILL after the stop
 * timeout), then Kafka, then PostgreSQL when the platform started them.
 */
public final class RunningPlatform implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RunningPlatform.class);

	private final LaunchPlan plan;

	private final Supervisor supervisor;

	/** The first instance of each service. */
	private final Map<ServiceName, ServiceProcess> processes = new EnumMap<>(ServiceName.class);

	/** The second and further instances, by {@link LaunchPlan#instanceName}. */
	private final Map<String, ServiceProcess> moreInstances = new LinkedHashMap<>();

	private final String kafkaBootstrapServers;

	/** Kafka and PostgreSQL when started here, in the order to stop them. */
	private final List<AutoCloseable> infrastructure;

	private final Duration readinessTimeout;

	private final Duration startupTime;

	private boolean closed;

	RunningPlatform(LaunchPlan plan, Supervisor supervisor, List<ServiceProcess> processes,
			String kafkaBootstrapServers, List<AutoCloseable> infrastructure, Duration readinessTimeout,
			Duration startupTime) {
		this.plan = plan;
		this.supervisor = supervisor;
		this.kafkaBootstrapServers = kafkaBootstrapServers;
		this.infrastructure = List.copyOf(infrastructure);
		this.readinessTimeout = readinessTimeout;
		this.startupTime = startupTime;
		processes.forEach(this::track);
	}

	/**
	 * How many instances of each service and of the authorization server run (one gateway
	 * in front of them all).
	 */
	public int instances() {
		return this.plan.instances();
	}

	/** Where the given instance (the first being 1) of the service answers HTTP. */
	public URI url(ServiceName service, int instance) {
		return URI.create("http://localhost:" + this.plan.ports(instance).port(service));
	}

	/**
	 * The given instance's operating-system process (the first being 1), while it runs.
	 */
	public synchronized Optional<ProcessHandle> process(ServiceName service, int instance) {
		return Optional.ofNullable(instance(service, instance))
			.filter(ServiceProcess::isAlive)
			.flatMap(process -> ProcessHandle.of(process.pid()));
	}

	/**
	 * SIGKILL to the given instance (the first being 1), as when its machine fails: no
	 * graceful shutdown, the requests in flight cut off. Returns once it exited.
	 */
	public synchronized void kill(ServiceName service, int instance) {
		ServiceProcess process = instance(service, instance);
		if (process == null) {
			return;
		}
		try {
			process.kill();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalPlatformException("Interrupted while killing " + process.name());
		}
	}

	private @Nullable ServiceProcess instance(ServiceName service, int instance) {
		return (instance == 1) ? this.processes.get(service)
				: this.moreInstances.get(LaunchPlan.instanceName(service, instance));
	}

	/** Where the service answers HTTP, such as {@code http://localhost:8080}. */
	public URI url(ServiceName service) {
		return URI.create("http://localhost:" + this.plan.ports().port(service));
	}

	/**
	 * Where the service answers its probes and metrics ({@code /actuator/...}): the
	 * management port of the gateway and of the authorization server, the other services'
	 * own port.
	 */
	public URI managementUrl(ServiceName service) {
		return this.plan.ports().managementUrl("localhost", service);
	}

	/** Answers 200 while the service takes traffic. */
	public URI readinessUrl(ServiceName service) {
		return this.plan.ports().readinessUrl("localhost", service);
	}

	/**
	 * Where the given instance (the first being 1) answers 200 while it takes traffic.
	 */
	public URI readinessUrl(ServiceName service, int instance) {
		return this.plan.ports(instance).readinessUrl("localhost", service);
	}

	/** The given instance's standard output and error. */
	public Path logFile(ServiceName service, int instance) {
		return this.plan.logFile(service, instance);
	}

	/** The service's standard output and error. */
	public Path logFile(ServiceName service) {
		return this.plan.logFile(service);
	}

	/** The Kafka the services use, for a test's own producers and consumers. */
	public String kafkaBootstrapServers() {
		return this.kafkaBootstrapServers;
	}

	/**
	 * From the call to {@link LocalPlatform#start()} until the last service was ready.
	 */
	public Duration startupTime() {
		return this.startupTime;
	}

	/** The services this platform started, in start order. */
	public synchronized Set<ServiceName> services() {
		return Collections.unmodifiableSet(this.processes.keySet());
	}

	/**
	 * The service's operating-system process while it runs, for a benchmark that accounts
	 * for the CPU it spends.
	 */
	public synchronized Optional<ProcessHandle> process(ServiceName service) {
		return Optional.ofNullable(this.processes.get(service))
			.filter(ServiceProcess::isAlive)
			.flatMap(process -> ProcessHandle.of(process.pid()));
	}

	public synchronized boolean isRunning(ServiceName service) {
		ServiceProcess process = this.processes.get(service);
		return process != null && process.isAlive();
	}

	/**
	 * Stops one service as an orchestrator would: SIGTERM, then SIGKILL after the stop
	 * timeout. Does nothing when it is not running.
	 */
	public synchronized void stop(ServiceName service) {
		ServiceProcess process = this.processes.get(service);
		if (process == null) {
			return;
		}
		try {
			this.supervisor.stop(List.of(process));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalPlatformException("Interrupted while stopping " + service.module());
		}
	}

	/**
	 * Starts a stopped service again, its output appended to its log, and returns once it
	 * is ready. Does nothing when it is running.
	 * @throws LocalPlatformException when it exits or is not ready in time
	 */
	public synchronized void start(ServiceName service) {
		if (this.closed) {
			throw new IllegalStateException("The platform is closed");
		}
		if (isRunning(service)) {
			return;
		}
		this.plan.prepare(service);
		try {
			track(this.supervisor.start(List.of(this.plan.launch(service)), false, this.readinessTimeout).getFirst());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalPlatformException("Interrupted while starting " + service.module());
		}
	}

	/**
	 * Starts the given instance (the first being 1) when it is not running: one killed
	 * before, or one more gateway in front of the same instances, on the ports of that
	 * instance (a second gateway beside the first, sharing its rate limits through
	 * Redis). Returns once it is ready.
	 * @throws LocalPlatformException when it exits or is not ready in time
	 */
	public synchronized void start(ServiceName service, int instance) {
		if (instance == 1) {
			start(service);
			return;
		}
		if (this.closed) {
			throw new IllegalStateException("The platform is closed");
		}
		if (instance > instances()) {
			throw new IllegalArgumentException(
					"The platform has ports for " + instances() + " instances of each service, not " + instance);
		}
		if (process(service, instance).isPresent()) {
			return;
		}
		this.plan.prepare(service);
		try {
			track(this.supervisor.start(List.of(this.plan.launch(service, instance)), false, this.readinessTimeout)
				.getFirst());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalPlatformException(
					"Interrupted while starting " + LaunchPlan.instanceName(service, instance));
		}
	}

	private void track(ServiceProcess process) {
		ServiceName service = Arrays.stream(ServiceName.values())
			.filter((candidate) -> process.name().startsWith(candidate.module()))
			.findFirst()
			.orElseThrow();
		if (process.name().equals(service.module())) {
			this.processes.put(service, process);
		}
		else {
			this.moreInstances.put(process.name(), process);
		}
		process.onExit().thenRun(() -> {
			if (!process.stopping()) {
				log.warn("{} exited unexpectedly with code {}; see {}", process.name(), process.exitCode(),
						process.launch().logFile());
			}
		});
	}

	/** Stops everything; a second call does nothing. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		// Stopping must wait for the processes even when this thread was interrupted.
		boolean interrupted = Thread.interrupted();
		List<ServiceProcess> all = new ArrayList<>(this.processes.values());
		all.addAll(this.moreInstances.values());
		Closing.quietly(() -> this.supervisor.stop(all));
		this.supervisor.close();
		this.infrastructure.forEach(Closing::quietly);
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
