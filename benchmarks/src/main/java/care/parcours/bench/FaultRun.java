package care.parcours.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import care.parcours.local.KafkaServerProcess;
import care.parcours.local.KafkaSource;
import care.parcours.local.LocalPlatform;
import care.parcours.local.PortPlan;
import care.parcours.local.PostgresCluster;
import care.parcours.local.PostgresSource;
import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;
import org.jspecify.annotations.Nullable;

/**
 * The fault runner: PostgreSQL and a Kafka broker in processes of their own, the services
 * the workload writes to and the gateway started from their jars, the clients of
 * {@link FaultWorkload} through the gateway, the faults of a {@link FaultScenario}
 * injected while they run, then a drain and the {@link FaultChecker}. One platform for
 * all the scenarios of a run, checked after each.
 *
 * <pre>
 * try (FaultRun run = FaultRun.start(repositoryRoot, runs)) {
 * 	FaultReport report = run.run(FaultScenario.BROKER_DOWN, Duration.ofSeconds(90));
 * }
 * </pre>
 */
public final class FaultRun implements AutoCloseable {

	private static final String PREFIX = "faults_";

	private static final int CLIENTS = 4;

	private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);

	private final PostgresCluster postgres;

	private final KafkaServerProcess kafka;

	private final RunningPlatform platform;

	private final FaultyReceiver receiver;

	private final BenchTokens tokens;

	private final FaultChecker checker;

	private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

	private final List<String> partners = new ArrayList<>();

	private final List<String> practitioners = new ArrayList<>();

	private final List<String> patients = new ArrayList<>();

	/** Whether billing-service runs: quotes and invoices in the workload then. */
	private final boolean billing;

	private FaultWorkload.@Nullable Care care;

	/** Every operation and booking of the run so far, for the checker. */
	private final List<FaultWorkload.Operation> operations = new ArrayList<>();

	private final List<FaultWorkload.Owned> owned = new ArrayList<>();

	private int lostSoFar;

	private boolean closed;

	private int doubledSoFar;

	private FaultRun(PostgresCluster postgres, KafkaServerProcess kafka, RunningPlatform platform,
			FaultyReceiver receiver, BenchTokens tokens, boolean billing) {
		this.billing = billing;
		this.postgres = postgres;
		this.kafka = kafka;
		this.platform = platform;
		this.receiver = receiver;
		this.tokens = tokens;
		this.checker = new FaultChecker(this::connect, kafka.bootstrapServers(), billing);
	}

	/**
	 * Starts everything in a new directory under {@code runs} and registers what the
	 * clients work on: two partners with a webhook endpoint each, six practitioners open
	 * every day, twelve patients, a pathway template (a quote step and a consultation
	 * step) and, with billing-service, a billable item both partners have a tariff for.
	 * @param billing whether billing-service runs too (the workload then drafts quotes
	 * and issues invoices); the short form leaves it out, for time
	 */
	public static FaultRun start(Path repositoryRoot, Path runs, boolean billing) throws IOException, SQLException {
		// A directory per run: its logs stay for reading afterwards.
		Files.createDirectories(runs);
		Path workDirectory = Files.createTempDirectory(runs, "run-");
		List<AutoCloseable> started = new ArrayList<>();
		try {
			PostgresCluster postgres = PostgresCluster.start(workDirectory.resolve("postgres"), 0);
			started.add(postgres);
			KafkaServerProcess kafka = KafkaServerProcess.start(workDirectory.resolve("kafka"), 0);
			started.add(kafka);
			BenchTokens tokens = new BenchTokens();
			Map<String, String> environment = new LinkedHashMap<>(tokens.environment());
			// The webhook retry schedule compressed (same shape) so that a run drains in
			// minutes instead of hours.
			environment.put("PARCOURS_WEBHOOKS_DELIVERY_TIMEOUT", "3s");
			environment.put("PARCOURS_WEBHOOKS_DELIVERY_INITIAL_BACKOFF", "1s");
			environment.put("PARCOURS_WEBHOOKS_DELIVERY_MAX_BACKOFF", "10s");
			environment.put("PARCOURS_WEBHOOKS_DELIVERY_CIRCUIT_OPEN_FOR", "10s");
			PostgresSource.Server server = postgres.server();
			RunningPlatform platform = LocalPlatform.builder(repositoryRoot)
				.postgres(PostgresSource.server(server.adminJdbcUrl(), server.username(), server.password()))
				.kafka(KafkaSource.external(kafka.bootstrapServers()))
				.ports(PortPlan.random())
				.databasePrefix(PREFIX)
				.services(services(billing))
				.environment(environment)
				.logDirectory(workDirectory.resolve("logs"))
				.readinessTimeout(Duration.ofMinutes(8))
				.build()
				.start();
			started.add(platform);
			FaultyReceiver receiver = new FaultyReceiver();
			started.add(receiver);
			FaultRun run = new FaultRun(postgres, kafka, platform, receiver, tokens, billing);
			// Ctrl-C stops the processes too, a paused one included.
			Runtime.getRuntime().addShutdownHook(new Thread(run::close));
			run.setUp();
			return run;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			for (AutoCloseable each : started.reversed()) {
				try {
					each.close();
				}
				catch (Exception suppressed) {
					ex.addSuppressed(suppressed);
				}
			}
			throw ex;
		}
	}

	private static Set<ServiceName> services(boolean billing) {
		EnumSet<ServiceName> services = EnumSet.of(ServiceName.PARTNER, ServiceName.SCHEDULING, ServiceName.PATIENT,
				ServiceName.GATEWAY);
		if (billing) {
			services.add(ServiceName.BILLING);
		}
		return services;
	}

	/** The services the workload writes to, killed in turn by {@code kill-services}. */
	private List<ServiceName> written() {
		List<ServiceName> services = new ArrayList<>(FaultScenario.SERVICES);
		if (this.billing) {
			services.add(ServiceName.BILLING);
		}
		return services;
	}

	private void setUp() throws SQLException {
		FaultWorkload setup = new FaultWorkload(this.platform.url(ServiceName.GATEWAY), List.of(), List.of(), List.of(),
				List.of(), null);
		String bearer = this.tokens.bearer("fault-setup");
		for (int p = 0; p < 2; p++) {
			String partner = created(setup.untilAnswered(bearer, ServiceName.PARTNER, "POST", "/api/partners", """
					{"name": "Fault clinic %d", "kind": "CLINIC", "country": "FR", "city": "Lyon",
					 "timeZone": "Europe/Paris", "specialties": ["orthopaedics"], "languages": ["fr"]}""".formatted(p),
					Map.of()));
			this.partners.add(partner);
			created(setup.untilAnswered(bearer, ServiceName.PARTNER, "POST", "/api/partners/" + partner + "/webhooks",
					"""
							{"url": "%s", "description": "fault runner", "eventTypes": [%s]}""".formatted(
							this.receiver.url(),
							FaultChecker.HOOKED.stream().map((t) -> '"' + t + '"').collect(Collectors.joining(", "))),
					Map.of()));
			for (int s = 0; s < 3; s++) {
				this.practitioners.add(created(setup.untilAnswered(bearer, ServiceName.PARTNER, "POST",
						"/api/partners/" + partner + "/practitioners", """
								{"name": "Dr Fault %d-%d", "specialties": ["orthopaedics"], "languages": ["fr"]}"""
							.formatted(p, s),
						Map.of())));
			}
		}
		String rules = Arrays.stream(DayOfWeek.values())
			.map((day) -> """
					{"day": "%s", "start": "08:00", "end": "18:00", "modes": ["IN_PERSON"], "validFrom": "%s"}"""
				.formatted(day, LocalDate.now(FaultWorkload.PARIS).minusDays(1)))
			.collect(Collectors.joining(", "));
		for (String practitioner : this.practitioners) {
			String path = "/api/schedules/" + practitioner + "/availability";
			FaultWorkload.Answer current = setup.untilAnswered(bearer, ServiceName.SCHEDULING, "GET", path, null,
					Map.of());
			while (current.status() == 404) {
				// The schedule opens once scheduling-service hears of the practitioner.
				FaultWorkload.sleep(200);
				current = setup.untilAnswered(bearer, ServiceName.SCHEDULING, "GET", path, null, Map.of());
			}
			FaultWorkload.Answer put = setup.untilAnswered(bearer, ServiceName.SCHEDULING, "PUT", path, """
					{"appointmentTypes": [{"code": "consultation", "durationMinutes": 30, "modes": ["IN_PERSON"]}],
					 "weeklyRules": [%s]}""".formatted(rules), Map.of("If-Match", String.valueOf(current.etag())));
			if (put.status() != 200) {
				throw new IllegalStateException("Availability of " + practitioner + " refused: " + put);
			}
		}
		for (int p = 0; p < 12; p++) {
			this.patients.add(created(setup.untilAnswered(bearer, ServiceName.PATIENT, "POST", "/api/patients", """
					{"givenName": "Setup", "familyName": "Patient %d", "birthDate": "1970-01-01", "sex": "MALE",
					 "nationality": "FR", "countryOfResidence": "FR", "languages": ["fr"]}""".formatted(p), Map.of())));
		}
		String names = """
				"names": {"fr": "%1$s (fr)", "en": "%1$s", "nl": "%1$s (nl)"}""";
		String template = created(setup.untilAnswered(bearer, ServiceName.PATIENT, "POST", "/api/pathway-templates", """
				{"code": "fault-care", %s, "steps": [
				 {"key": "quote", "kind": "QUOTE", %s, "anchor": false, "offset": "-P7D", "tolerance": "P3D",
				  "dependsOn": [], "ownerRole": "BILLING", "specialty": "orthopaedics"},
				 {"key": "consultation", "kind": "CONSULTATION", %s, "anchor": true, "offset": "P0D",
				  "tolerance": "P2D", "dependsOn": [], "ownerRole": "COORDINATOR", "specialty": "orthopaedics",
				  "appointmentType": "consultation"}]}""".formatted(names.formatted("Fault care"),
				names.formatted("Quote"), names.formatted("Consultation")), Map.of()));
		String item = null;
		if (this.billing) {
			item = created(setup.untilAnswered(bearer, ServiceName.BILLING, "POST", "/api/catalogue/items",
					"""
							{"kind": "MEDICAL_ACT", "nomenclature": "CCAM", "code": "FLTA001",
							 "labels": {"fr": "Acte sous pannes", "en": "Act under faults", "nl": "Handeling onder storingen"}}""",
					Map.of()));
			for (String partner : this.partners) {
				created(setup.untilAnswered(bearer, ServiceName.BILLING, "POST", "/api/catalogue/tariffs", """
						{"itemId": "%s", "partnerId": "%s", "unitPrice": {"amount": "9800.00", "currency": "EUR"},
						 "vatRate": 0, "validFrom": "2000-01-01"}""".formatted(item, partner), Map.of()));
			}
		}
		this.care = new FaultWorkload.Care(template, item);
		// Bookings need scheduling-service to know the patients.
		while (this.checker.readModelsMissing(new ArrayList<>()) > 0) {
			FaultWorkload.sleep(200);
		}
	}

	private static String created(FaultWorkload.Answer answer) {
		if (answer.status() != 201) {
			throw new IllegalStateException("Setting up the fault run: expected 201, got " + answer);
		}
		return answer.body().path("id").asString();
	}

	/**
	 * A fault's time: whom it hit (null: every route) from when to when; a fault outside
	 * the API (a partner's receiver) counts in neither ratio nor recovery.
	 */
	private record Window(String what, @Nullable ServiceName faulted, boolean api, long start, long end) {

		Window(String what, @Nullable ServiceName faulted, long start, long end) {
			this(what, faulted, true, start, end);
		}

	}

	/**
	 * Runs the clients for about {@code length} (longer if the scenario's faults need
	 * it), the scenario's faults meanwhile, then drains and checks.
	 */
	public FaultReport run(FaultScenario scenario, Duration length) throws SQLException, InterruptedException {
		FaultWorkload workload = new FaultWorkload(this.platform.url(ServiceName.GATEWAY),
				Stream.iterate(0, (i) -> i + 1)
					.limit(CLIENTS)
					.map((i) -> this.tokens.bearer("fault-client-" + scenario.label() + "-" + i))
					.toList(),
				this.partners, this.practitioners, this.patients, this.care);
		long begin = System.currentTimeMillis();
		List<Future<?>> clients = workload.start(this.pool, scenario.ordinal());
		List<Window> windows = new ArrayList<>();
		switch (scenario) {
			case KILL_SERVICES -> {
				for (ServiceName service : written()) {
					FaultWorkload.sleep(15_000);
					windows.add(killAndRestart(service));
				}
			}
			case KILL_GATEWAY -> {
				FaultWorkload.sleep(15_000);
				windows.add(killAndRestart(ServiceName.GATEWAY));
			}
			case BROKER_DOWN -> {
				FaultWorkload.sleep(10_000);
				windows.add(brokerDown(Duration.ofSeconds(60)));
			}
			case POSTGRES_CRASH -> {
				FaultWorkload.sleep(10_000);
				windows.add(postgresCrash());
			}
			case PAUSE_SERVICE -> {
				FaultWorkload.sleep(10_000);
				windows.add(pause(ServiceName.SCHEDULING, Duration.ofSeconds(15)));
			}
			case WEBHOOK_OUTAGE -> {
				FaultWorkload.sleep(5_000);
				windows.add(webhookOutage(Duration.ofSeconds(20)));
			}
			case MIXED -> {
				FaultWorkload.sleep(10_000);
				windows.add(killAndRestart(ServiceName.PARTNER));
				FaultWorkload.sleep(10_000);
				windows.add(pause(ServiceName.PATIENT, Duration.ofSeconds(10)));
				FaultWorkload.sleep(10_000);
				windows.add(brokerDown(Duration.ofSeconds(30)));
				FaultWorkload.sleep(10_000);
				windows.add(webhookOutage(Duration.ofSeconds(10)));
				FaultWorkload.sleep(10_000);
				windows.add(postgresCrash());
			}
			case SHORT -> {
				FaultWorkload.sleep(10_000);
				windows.add(killAndRestart(ServiceName.SCHEDULING));
				FaultWorkload.sleep(5_000);
				windows.add(brokerDown(Duration.ofSeconds(20)));
			}
		}
		// The clients go on after the last fault, at least 20 s, to show recovery.
		long rest = Math.max(20_000, begin + length.toMillis() - System.currentTimeMillis());
		FaultWorkload.sleep(rest);
		workload.stop();
		for (Future<?> client : clients) {
			try {
				client.get();
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("A fault client failed", ex.getCause());
			}
		}
		Duration drained = this.checker.drain(DRAIN_LIMIT);
		this.operations.addAll(workload.operations);
		this.owned.addAll(workload.owned);
		FaultChecker.Findings findings = this.checker.check(this.operations, this.owned, new HashSet<>(this.patients));
		// Losses and doubles are counted over the whole run: this scenario's are the new
		// ones.
		int lost = findings.lost() - this.lostSoFar;
		int doubled = findings.doubled() - this.doubledSoFar;
		this.lostSoFar = findings.lost();
		this.doubledSoFar = findings.doubled();
		return report(scenario, workload, windows, findings, lost, doubled, drained,
				Duration.ofMillis(System.currentTimeMillis() - begin));
	}

	private Window killAndRestart(ServiceName service) {
		long start = System.currentTimeMillis();
		this.platform.kill(service, 1);
		this.platform.start(service);
		return new Window("SIGKILL " + service.module(), service, start, System.currentTimeMillis());
	}

	private Window brokerDown(Duration down) {
		long start = System.currentTimeMillis();
		this.kafka.stop();
		FaultWorkload.sleep(down.toMillis());
		this.kafka.start();
		return new Window("broker down", null, start, System.currentTimeMillis());
	}

	private Window postgresCrash() {
		long start = System.currentTimeMillis();
		this.postgres.stopImmediately();
		FaultWorkload.sleep(10_000);
		this.postgres.start();
		return new Window("postgres crash", null, start, System.currentTimeMillis());
	}

	private Window pause(ServiceName service, Duration paused) {
		long pid = this.platform.process(service).orElseThrow().pid();
		long start = System.currentTimeMillis();
		signal("-STOP", pid);
		try {
			FaultWorkload.sleep(paused.toMillis());
		}
		finally {
			signal("-CONT", pid);
		}
		return new Window("SIGSTOP " + service.module(), service, start, System.currentTimeMillis());
	}

	private Window webhookOutage(Duration each) {
		long start = System.currentTimeMillis();
		this.receiver.mode(FaultyReceiver.Mode.HANGING);
		FaultWorkload.sleep(each.toMillis());
		this.receiver.mode(FaultyReceiver.Mode.FAILING);
		FaultWorkload.sleep(each.toMillis());
		this.receiver.mode(FaultyReceiver.Mode.HEALTHY);
		return new Window("webhook receiver down", null, false, start, System.currentTimeMillis());
	}

	private static void signal(String signal, long pid) {
		try {
			new ProcessBuilder("kill", signal, String.valueOf(pid)).inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not send " + signal + " to " + pid, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private FaultReport report(FaultScenario scenario, FaultWorkload workload, List<Window> windows,
			FaultChecker.Findings findings, int lost, int doubled, Duration drained, Duration took) {
		List<FaultWorkload.Operation> done = List.copyOf(workload.operations);
		Map<Integer, Integer> refused = new TreeMap<>();
		done.stream()
			.filter((op) -> !op.acknowledged() && !op.gaveUp())
			.forEach((op) -> refused.merge(op.status(), 1, Integer::sum));
		List<FaultWorkload.Send> sends = List.copyOf(workload.sends);
		long faultedSends = 0;
		long faultedOk = 0;
		long otherSends = 0;
		long otherOk = 0;
		double recovery = 0;
		Map<String, Integer> failed = new TreeMap<>();
		for (Window window : windows.stream().filter(Window::api).toList()) {
			for (FaultWorkload.Send send : sends) {
				if (send.atMillis() < window.start() || send.atMillis() > window.end()) {
					continue;
				}
				if (!send.answered()) {
					failed.merge(send.service().module().replace("-service", "") + " " + send.status(), 1,
							Integer::sum);
				}
				if (hits(window, send)) {
					faultedSends++;
					faultedOk += send.answered() ? 1 : 0;
				}
				else {
					otherSends++;
					otherOk += send.answered() ? 1 : 0;
				}
			}
			double recovered = sends.stream()
				.filter((send) -> send.atMillis() >= window.end() && send.answered() && hits(window, send))
				.mapToLong(FaultWorkload.Send::atMillis)
				.min()
				.stream()
				.mapToDouble((at) -> (at - window.end()) / 1000.0)
				.findFirst()
				.orElse(Double.NaN);
			recovery = Double.isNaN(recovered) || Double.isNaN(recovery) ? Double.NaN : Math.max(recovery, recovered);
		}
		String faults = windows.stream()
			.map((w) -> String.format("%s %.0f s", w.what(), (w.end() - w.start()) / 1000.0))
			.collect(Collectors.joining(", "));
		return new FaultReport(scenario.label(), faults, done.size(),
				(int) done.stream().filter(FaultWorkload.Operation::acknowledged).count(), refused,
				(int) done.stream().filter(FaultWorkload.Operation::gaveUp).count(), lost, doubled, findings, recovery,
				ratio(faultedOk, faultedSends), ratio(otherOk, otherSends), sends.size(), failed,
				this.receiver.duplicates(), drained, took, byKind(done));
	}

	private static Map<String, String> byKind(List<FaultWorkload.Operation> done) {
		Map<String, String> byKind = new LinkedHashMap<>();
		for (FaultWorkload.Kind kind : FaultWorkload.Kind.values()) {
			List<FaultWorkload.Operation> ofKind = done.stream().filter((op) -> op.kind() == kind).toList();
			if (!ofKind.isEmpty()) {
				byKind.put(kind.name(),
						ofKind.stream().filter(FaultWorkload.Operation::acknowledged).count() + "/" + ofKind.size());
			}
		}
		return byKind;
	}

	private static boolean hits(Window window, FaultWorkload.Send send) {
		return window.faulted() == null || window.faulted() == ServiceName.GATEWAY
				|| window.faulted() == send.service();
	}

	private static double ratio(long ok, long all) {
		return (all == 0) ? Double.NaN : 100.0 * ok / all;
	}

	private Connection connect(ServiceName service) throws SQLException {
		String url = this.postgres.server()
			.adminJdbcUrl()
			.replace("/postgres", "/" + service.databaseName(PREFIX).orElseThrow());
		return DriverManager.getConnection(url, "postgres", "");
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.pool.shutdownNow();
		this.receiver.close();
		this.platform.close();
		this.kafka.close();
		this.postgres.close();
	}

}
