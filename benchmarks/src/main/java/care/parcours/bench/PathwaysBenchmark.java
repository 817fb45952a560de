package care.parcours.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bench pathways}: care pathways in patient-service, 10,000 open pathways of 8
 * steps opened over its API for 500 patients, 5 coordinators and 5 partner clinics (one
 * pathway in 20 with past-due steps, which the overdue watch alerts on), the database
 * vacuumed and analysed once the seed has settled, then two measurements.
 * <ol>
 * <li>The work list's first page ({@code GET /api/pathways}, 20 pathways), 8 clients in a
 * closed loop: the whole list and each coordinator's own ({@code coordinator=me}), as a
 * coordinator reads it (patients' names decrypted, each patient shown audited) and, for
 * the whole list, as billing staff read it (patients' ids, nothing decrypted). Baseline
 * in the same run, with as many connections: the work list's own SQL over JDBC
 * ({@link WorkListQuery}), checked first to answer the service's pathways in its order,
 * and for the whole list its page statement without the count. Target: p95 under 50 ms.
 * Then the coordinator's read again at a fixed rate, half its closed-loop throughput, for
 * its latency below saturation.</li>
 * <li>The fold: scheduling's news of appointments made for steps (booked, then completed)
 * put on Kafka at once, and the rate at which patient-service's consumer folds them into
 * steps and timelines, from the first event it handled to the last. Baseline in the same
 * run: as many of the same events made for no pathway, which the same consumer only
 * records as handled (the platform's floor), measured before and after.</li>
 * </ol>
 * Each part prints CPU per operation per process. Options: {@code --pathways=10000},
 * {@code --patients=500}, {@code --coordinators=5}, {@code --partners=5},
 * {@code --past-due=500} (pathways with past-due steps), {@code --seed-clients=8}
 * (requests in flight while seeding), {@code --clients=8}, {@code --duration=20s},
 * {@code --warmup=10s}, {@code --events=4000} (events per fold measurement; 0 skips the
 * fold), {@code --patience=10m} (longest wait for the seed to settle or a fold to end).
 */
final class PathwaysBenchmark implements Benchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PURPOSE = "care-coordination";

	@Override
	public String name() {
		return "pathways";
	}

	@Override
	public String description() {
		return "work list first page over 10,000 pathways vs its SQL over JDBC; events folded into timelines/s vs "
				+ "the consumer recording handled ids";
	}

	@Override
	public void run(BenchContext context) throws Exception {
		int pathways = context.option("pathways", 10_000);
		int patients = context.option("patients", 500);
		int coordinators = context.option("coordinators", 5);
		int partners = context.option("partners", 5);
		int pastDue = context.option("past-due", pathways / 20);
		int seedClients = context.option("seed-clients", 8);
		int clients = context.option("clients", 8);
		Duration duration = context.option("duration", Duration.ofSeconds(20));
		Duration warmUp = context.option("warmup", Duration.ofSeconds(10));
		int events = context.option("events", 4_000);
		Duration patience = context.option("patience", Duration.ofMinutes(10));
		// The overdue watch looks every 5 s instead of every minute, so that the
		// past-due pathways have their alerts before the work list is read.
		RunningPlatform platform = context.start(Set.of(ServiceName.PATIENT),
				Map.of("PARCOURS_PATIENT_PATHWAYS_OVERDUE_POLLINTERVAL", "5s"));
		URI base = platform.url(ServiceName.PATIENT);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

		CpuAccount account = CpuAccount.of(platform);
		List<PathwaySeed.Opened> opened = seed(context, account, http, base, patients, pathways, coordinators, partners,
				pastDue, seedClients);
		try (Connection db = context.connect(ServiceName.PATIENT)) {
			PathwaySeed.settle(db, pastDue, patience);
		}
		System.out.printf("  %s%n", account.atRest(Duration.ofSeconds(5)).perSecond());

		workList(context, account, http, base, coordinators, clients, warmUp, duration);
		if (events > 0) {
			fold(context, account, platform, opened, events, patience);
		}
	}

	private static List<PathwaySeed.Opened> seed(BenchContext context, CpuAccount account, HttpClient http, URI base,
			int patients, int pathways, int coordinators, int partners, int pastDue, int seedClients) throws Exception {
		long registering = System.nanoTime();
		List<UUID> patientIds = PatientRegistrations.register(http, base, context.bearer(), patients);
		System.out.printf("Registered %,d patients over HTTP in %.1f s%n", patientIds.size(),
				(System.nanoTime() - registering) / 1e9);
		PathwaySeed seed = new PathwaySeed(http, base, context.bearer());
		UUID template = seed.template();
		List<UUID> partnerIds = IntStream.range(0, partners).mapToObj(p -> UUID.randomUUID()).toList();
		CpuAccount.Meter cpu = account.meter();
		cpu.opens();
		long opening = System.nanoTime();
		List<PathwaySeed.Opened> opened = seed.open(template, patientIds, pathways, coordinators, partnerIds, pastDue,
				seedClients);
		double seconds = (System.nanoTime() - opening) / 1e9;
		cpu.closes();
		System.out.printf(
				"Opened %,d pathways of %d steps over HTTP in %.1f s (%.0f/s, %d requests in flight): %d coordinators, "
						+ "%d partners, %,d with past-due steps%n  %s; cores %.0f%% busy%n",
				opened.size(), opened.getFirst().stepIds().size(), seconds, opened.size() / seconds, seedClients,
				coordinators, partners, opened.stream().filter(PathwaySeed.Opened::pastDue).count(),
				cpu.spent().perOperation(opened.size(), "pathway opened"), 100 * cpu.spent().busy());
		return opened;
	}

	/** What else the machine runs, and when (to find a part in a flight recording). */
	private static String machine() {
		return CpuAccount.loadAverage() + " at " + java.time.LocalTime.now().withNano(0);
	}

	/** One way of reading the first page, over HTTP or JDBC. */
	private record Reader(String label, Load.Call call) {

	}

	private static void workList(BenchContext context, CpuAccount account, HttpClient http, URI base, int coordinators,
			int clients, Duration warmUp, Duration duration) throws Exception {
		String billing = context.bearer("bench-billing", List.of("billing"));
		List<String> coordinatorTokens = IntStream.range(0, coordinators)
			.mapToObj(c -> context.bearer(PathwaySeed.COORDINATOR + c))
			.toList();
		verifyTheBaselineIsTheServicesStatement(context, http, base, billing, coordinatorTokens.getFirst());
		int size = 20;
		try (JdbcClients db = JdbcClients.open(context, ServiceName.PATIENT, clients)) {
			Reader[] wholeList = {
					new Reader("HTTP, as a coordinator (names, audited)",
							client -> page(http, base, "", coordinatorTokens.get(client % coordinators))),
					new Reader("HTTP, as billing (ids only)", client -> page(http, base, "", billing)),
					new Reader("JDBC, the page without its count",
							client -> !WorkListQuery.firstPage(db.of(client), null, size, false)
								.pathwayIds()
								.isEmpty()),
					new Reader("JDBC, the work list's SQL",
							client -> !WorkListQuery.firstPage(db.of(client), null, size).pathwayIds().isEmpty()) };
			Reader[] ownList = {
					new Reader("HTTP, as a coordinator (names, audited)",
							client -> page(http, base, "?coordinator=me",
									coordinatorTokens.get(client % coordinators))),
					new Reader("JDBC, the work list's SQL",
							client -> !WorkListQuery
								.firstPage(db.of(client), PathwaySeed.COORDINATOR + client % coordinators, size)
								.pathwayIds()
								.isEmpty()) };
			System.out.printf("%nWork list, first page of %d: %d clients, %s warm-up, %s measured each (%s)%n", size,
					clients, warmUp, duration, machine());
			// Every reader over HTTP once for the warm-up's time first, so that the first
			// measured does not pay alone for the JIT compiler.
			for (Reader reader : List.of(wholeList[0], wholeList[1], ownList[0])) {
				Load.run(clients, warmUp, Duration.ZERO, reader.call());
			}
			measure("Every active pathway (GET /api/pathways)", wholeList, account, clients, warmUp, duration);
			measure("A coordinator's own (GET /api/pathways?coordinator=me)", ownList, account, clients, warmUp,
					duration);
		}
	}

	private static boolean page(HttpClient http, URI base, String query, String bearer) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/pathways" + query))
			.header("Authorization", bearer)
			.header("X-Access-Purpose", PURPOSE)
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
	}

	/**
	 * The readers one after the other; the first (HTTP) is judged against the last
	 * (JDBC). Then the first again at a fixed rate, half its throughput in a closed loop:
	 * there its latency is the service's own rather than the queue of 8 clients at
	 * saturation (Little's law: clients over throughput).
	 */
	private static void measure(String title, Reader[] readers, CpuAccount account, int clients, Duration warmUp,
			Duration duration) throws Exception {
		System.out.printf("%n%s (%s)%n", title, machine());
		List<Load.Result> results = new ArrayList<>();
		for (Reader reader : readers) {
			CpuAccount.Meter cpu = account.meter();
			Load.Result result = Load.run(clients, warmUp, duration, cpu, reader.call());
			results.add(result);
			long calls = result.succeeded() + result.failed();
			System.out.printf("  %-40s %7.0f pages/s  %s (failed: %d)%n    %s; cores %.0f%% busy%n", reader.label(),
					result.perSecond(), result.latencies().summary(), result.failed(),
					cpu.spent().perOperation(calls, "page"), 100 * cpu.spent().busy());
		}
		Load.Result service = results.getFirst();
		Load.Result sql = results.getLast();
		System.out.printf("  p95 %.1f ms (target < 50 ms): %s; x%.1f the SQL's p95 (%.1f ms), %.2f of its throughput%n",
				service.latencies().percentileMillis(95),
				service.latencies().percentileMillis(95) < 50 ? "met" : "NOT met",
				service.latencies().percentileMillis(95) / sql.latencies().percentileMillis(95),
				sql.latencies().percentileMillis(95), service.perSecond() / sql.perSecond());
		double rate = Math.max(1, Math.round(service.perSecond() / 2));
		Load.Result paced = Load.atRate(rate, duration, readers[0].call());
		System.out.printf("  %s at a fixed %.0f pages/s (half of it): %s (failed: %d)%n", readers[0].label(), rate,
				paced.latencies().summary(), paced.failed());
	}

	/**
	 * The baseline must be the statement the service runs: the same pathways in the same
	 * order and the same total, for the whole list and a coordinator's.
	 */
	private static void verifyTheBaselineIsTheServicesStatement(BenchContext context, HttpClient http, URI base,
			String billing, String coordinator) throws Exception {
		try (Connection db = context.connect(ServiceName.PATIENT)) {
			for (String who : new String[] { null, PathwaySeed.COORDINATOR + 0 }) {
				JsonNode answer = JSON.readTree(http.send(HttpRequest
					.newBuilder(base.resolve("/api/pathways" + (who == null ? "" : "?coordinator=" + who)))
					.header("Authorization", billing)
					.build(), HttpResponse.BodyHandlers.ofString()).body());
				List<UUID> answered = new ArrayList<>();
				answer.path("content")
					.forEach(item -> answered.add(UUID.fromString(item.path("pathwayId").asString())));
				WorkListQuery.Page baseline = WorkListQuery.firstPage(db, who, 20);
				// Exact up to the cap, then "at least" one more than it: what the bounded
				// count answers.
				JsonNode page = answer.path("page");
				long total = page.path("totalExact").asBoolean() ? page.path("totalElements").asLong()
						: page.path("totalElementsAtLeast").asLong();
				if (answered.isEmpty() || !answered.equals(baseline.pathwayIds()) || total != baseline.counted()) {
					throw new IllegalStateException("The baseline differs from the service's work list for "
							+ (who == null ? "every pathway" : who) + ": " + answered + " of " + page + " vs "
							+ baseline.pathwayIds() + " of " + baseline.counted());
				}
			}
			JsonNode mine = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/api/pathways?coordinator=me"))
				.header("Authorization", coordinator)
				.header("X-Access-Purpose", PURPOSE)
				.build(), HttpResponse.BodyHandlers.ofString()).body());
			if (!mine.path("content").path(0).hasNonNull("patientName")) {
				throw new IllegalStateException("A coordinator's work list shows no patient names: " + mine);
			}
		}
		System.out.println("Baseline SQL answers the service's pathways, in its order, with its count (up to "
				+ WorkListQuery.COUNT_LIMIT + ", whole list and a coordinator's); a coordinator's page shows patients' "
				+ "names");
		try (Connection db = context.connect(ServiceName.PATIENT)) {
			System.out.printf("The work list's statements, whole list:%n%s", WorkListQuery.explain(db, null, 20));
			System.out.printf("and a coordinator's:%n%s", WorkListQuery.explain(db, PathwaySeed.COORDINATOR + 0, 20));
		}
	}

	/** One measurement of the consumer's pace. */
	private record Phase(String label, int events, Duration consumer, Duration publishing, Duration untilAll,
			CpuAccount.Spent cpu) {

		double perSecond() {
			return events / (consumer.toNanos() / 1e9);
		}

		void print() {
			System.out.printf(
					"  %-36s %7.0f events/s  (%,d events: first to last handled %.2f s; published in %.2f s; all "
							+ "handled %.2f s after the first was sent)%n    %s%n",
					label, perSecond(), events, consumer.toNanos() / 1e9, publishing.toNanos() / 1e9,
					untilAll.toNanos() / 1e9, cpu.perOperation(events, "event"));
		}

	}

	private static void fold(BenchContext context, CpuAccount account, RunningPlatform platform,
			List<PathwaySeed.Opened> opened, int events, Duration patience) throws Exception {
		// Steps of pathways with nothing past due, the first step of each, then the
		// second...
		List<StepEvents.Step> steps = new ArrayList<>();
		List<PathwaySeed.Opened> onTime = opened.stream().filter(pathway -> !pathway.pastDue()).toList();
		for (int position = 0; position < onTime.getFirst().stepIds().size(); position++) {
			for (PathwaySeed.Opened pathway : onTime) {
				steps.add(
						new StepEvents.Step(pathway.pathwayId(), pathway.patientId(), pathway.stepIds().get(position)));
			}
		}
		int perPhase = events / 2;
		int warm = Math.min(500, perPhase / 4);
		if (warm + perPhase > steps.size()) {
			throw new IllegalArgumentException(
					"--events=" + events + " needs " + (warm + perPhase) + " steps; the seed has " + steps.size());
		}
		System.out.printf("%nFold: scheduling events (appointment booked, then completed) put on Kafka at once; "
				+ "patient-service's consumer, 1 thread (%s)%n", machine());
		try (Seeder kafka = new Seeder(platform.kafkaBootstrapServers());
				Connection db = context.connect(ServiceName.PATIENT)) {
			Fold fold = new Fold(kafka, db, account, patience);
			fold.run("warm-up, for no pathway", steps.subList(0, warm), false);
			fold.run("warm-up, for steps", steps.subList(0, warm), true);
			List<StepEvents.Step> measured = steps.subList(warm, warm + perPhase);
			Phase before = fold.run("only recorded (floor), before", measured, false);
			Phase folded = fold.run("folded into steps and timelines", measured, true);
			Phase after = fold.run("only recorded (floor), after", measured, false);
			System.out.printf("%n  %s (the end)%n", machine());
			before.print();
			folded.print();
			after.print();
			double floor = (before.perSecond() + after.perSecond()) / 2;
			System.out.printf("  folded x%.2f of the floor (%.0f events/s, mean of before and after); %s%n",
					folded.perSecond() / floor, floor, StepEvents.folded(db, measured));
		}
	}

	/** Publishes a batch and waits until the consumer has handled all of it. */
	private record Fold(Seeder kafka, Connection db, CpuAccount account, Duration patience) {

		Phase run(String label, List<StepEvents.Step> steps, boolean forPathways) throws Exception {
			Instant mark = StepEvents.now(db);
			CpuAccount.Meter cpu = account.meter();
			cpu.opens();
			long started = System.nanoTime();
			int events = StepEvents.publish(kafka, steps, forPathways);
			long published = System.nanoTime();
			long deadline = started + patience.toNanos();
			StepEvents.Handled handled;
			while ((handled = StepEvents.handledSince(db, mark)).count() < events) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							label + ": " + handled.count() + " of " + events + " events handled after " + patience);
				}
				Thread.sleep(200);
			}
			long all = System.nanoTime();
			cpu.closes();
			return new Phase(label, events, handled.span(), Duration.ofNanos(published - started),
					Duration.ofNanos(all - started), cpu.spent());
		}

	}

}
