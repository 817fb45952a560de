package care.parcours.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start sequence: PostgreSQL and its databases, Kafka, the authorization server, the
 * services, the gateway. Whatever it started is stopped again, in reverse, when a later
 * step fails.
 */
final class Startup {

	private static final Logger log = LoggerFactory.getLogger(Startup.class);

	private final PlatformSettings settings;

	private final Deque<AutoCloseable> started = new ArrayDeque<>();

	private Startup(PlatformSettings settings) {
		this.settings = settings;
	}

	static RunningPlatform run(PlatformSettings settings) {
		return new Startup(settings).run();
	}

	private RunningPlatform run() {
		Instant begin = Instant.now();
		try {
			Postgres postgres = startPostgres();
			String kafka = startKafka();
			checkNotInterrupted();
			LaunchPlan plan = new LaunchPlan(this.settings.repositoryRoot(), this.settings.logDirectory(),
					this.settings.ports(),
					new LaunchPlan.Jvm(this.settings.java(), this.settings.jvmOptions(),
							this.settings.classDataSharing()),
					new LaunchPlan.Infrastructure(kafka, postgres.server(), this.settings.databasePrefix()),
					this.settings.environment(), this.settings.morePorts());
			// Extraction waits on a child JVM per service; two at a time suit two cores.
			this.settings.services().parallelStream().forEach(plan::prepare);
			List<AutoCloseable> infrastructure = List.copyOf(this.started);
			Supervisor supervisor = new Supervisor(this.settings.stopTimeout());
			this.started.push(supervisor);
			List<ServiceProcess> processes = startServices(supervisor, plan);
			return new RunningPlatform(plan, supervisor, processes, kafka, infrastructure,
					this.settings.readinessTimeout(), Duration.between(begin, Instant.now()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			stopAll();
			throw new LocalPlatformException("Start interrupted; everything started was stopped again.");
		}
		catch (RuntimeException ex) {
			stopAll();
			throw ex;
		}
	}

	private Postgres startPostgres() {
		PostgresSource source = this.settings.postgres();
		log.info("PostgreSQL: {}", source);
		Postgres postgres = Postgres.start(source);
		this.started.push(postgres);
		for (ServiceName service : this.settings.services()) {
			service.databaseName(this.settings.databasePrefix()).ifPresent(postgres::ensureDatabase);
		}
		return postgres;
	}

	private String startKafka() {
		return switch (this.settings.kafka()) {
			case KafkaSource.External external -> {
				log.info("Kafka: {}", external.bootstrapServers());
				yield external.bootstrapServers();
			}
			case KafkaSource.Embedded embedded -> {
				KafkaBroker broker = KafkaBroker.start(embedded.logDirectory(), embedded.port());
				this.started.push(broker);
				log.info("Kafka: in-process broker on {}, data in {}", broker.bootstrapServers(),
						embedded.logDirectory());
				yield broker.bootstrapServers();
			}
		};
	}

	/**
	 * The authorization server first, since the others check its tokens; then the
	 * services, together; the gateway once they are ready.
	 */
	private List<ServiceProcess> startServices(Supervisor supervisor, LaunchPlan plan) throws InterruptedException {
		Instant deadline = Instant.now().plus(this.settings.readinessTimeout());
		List<ServiceProcess> processes = new ArrayList<>();
		this.started.push(() -> supervisor.stop(processes));
		if (this.settings.services().contains(ServiceName.AUTH)) {
			processes.addAll(supervisor.start(instancesOf(plan, ServiceName.AUTH), true, remaining(deadline)));
		}
		List<ServiceLaunch> backends = ServiceName.backends()
			.stream()
			.filter(this.settings.services()::contains)
			.flatMap((service) -> instancesOf(plan, service).stream())
			.toList();
		processes.addAll(supervisor.start(backends, true, remaining(deadline)));
		if (this.settings.services().contains(ServiceName.GATEWAY)) {
			processes.addAll(supervisor.start(List.of(plan.launch(ServiceName.GATEWAY)), true, remaining(deadline)));
		}
		this.started.pop();
		return processes;
	}

	private static List<ServiceLaunch> instancesOf(LaunchPlan plan, ServiceName service) {
		List<ServiceLaunch> launches = new ArrayList<>();
		for (int instance = 1; instance <= plan.instances(); instance++) {
			launches.add(plan.launch(service, instance));
		}
		return launches;
	}

	private static Duration remaining(Instant deadline) {
		Duration left = Duration.between(Instant.now(), deadline);
		return left.isNegative() ? Duration.ZERO : left;
	}

	private static void checkNotInterrupted() throws InterruptedException {
		if (Thread.interrupted()) {
			throw new InterruptedException();
		}
	}

	private void stopAll() {
		// Clear the interrupt so that stopping can wait for processes; restore it after.
		boolean interrupted = Thread.interrupted();
		while (!this.started.isEmpty()) {
			Closing.quietly(this.started.pop());
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
