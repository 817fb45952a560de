package care.parcours.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bench gateway-overhead}: the same read, {@code GET /api/partners/{id}}, sent
 * with the same bearer tokens straight to partner-service, through a bare Spring Cloud
 * Gateway (one route, its defaults, nothing of ours: what any gateway costs here) and
 * through our gateway (JWT validation, a Redis token bucket per client, routing,
 * breaker), in one run, twice:
 * <ul>
 * <li>throughput: closed-loop clients, each sending its next request when the last one is
 * answered, as fast as the path serves them;</li>
 * <li>latency: requests sent at one fixed rate on every path, half the slower of the
 * direct and gateway throughputs, each timed from when it was due. At saturation a closed
 * loop's latency is its clients' number over its throughput (Little's law): what the
 * gateway "adds" there grows with the number of clients and repeats the throughput ratio.
 * At a rate every path keeps up with, the difference is the time the gateway itself adds
 * to a request.</li>
 * </ul>
 * Rounds go direct, bare, gateway, gateway, bare, direct, so that drift (JIT, neighbours
 * on the machine) weighs on all alike. Each client has its own client id, hence its own
 * bucket, and the limits are raised so that no bucket empties: every request through the
 * gateway still makes its Redis round trip. The service and the gateway trust the same
 * key pair, made for the run ({@link BenchTokens}). Options:
 * {@code --clients=16 --duration=20s --warmup=15s --warmup-requests=30000},
 * {@code --rate} (requests per second of the latency rounds), and
 * {@code --gateway-cpus=1} to give the gateways CPU 1 and the rest of the run
 * (partner-service, its PostgreSQL backends, the clients) the other CPUs, in every path:
 * the gateway then has cores of its own, as on a host of its own, instead of taking them
 * from the service it fronts; {@code --rate-limiter=ours|spring|both}: our rate limit
 * filter, Spring Cloud Gateway's built-in {@code RequestRateLimiter} with the same
 * policies, or both, as two gateways measured in the same rounds (docs/adr/0003).
 */
final class GatewayOverheadBenchmark implements Benchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(90);

	@Override
	public String name() {
		return "gateway-overhead";
	}

	@Override
	public String description() {
		return "GET /api/partners/{id} req/s, and p50/p99 at a fixed rate, through the gateway (JWT, rate limit) vs"
				+ " a bare Spring Cloud Gateway vs straight to partner-service (--clients=16 --duration=20s --warmup=15s --rate=<half the slower path's"
				+ " req/s>; --gateway-cpus=1 gives the gateway CPU 1 alone; --rate-limiter=ours|spring|both)";
	}

	@Override
	public void run(BenchContext context) throws Exception {
		int clients = context.option("clients", 16);
		Duration duration = context.option("duration", Duration.ofSeconds(20));
		Duration warmUp = context.option("warmup", Duration.ofSeconds(15));
		int warmUpRequests = context.option("warmup-requests", 30_000);
		int rate = context.option("rate", 0);
		String gatewayCpus = context.option("gateway-cpus", "");
		String rateLimiter = context.option("rate-limiter", "ours");
		if (!List.of("ours", "spring", "both").contains(rateLimiter)) {
			throw new IllegalArgumentException("--rate-limiter is ours, spring or both, not " + rateLimiter);
		}
		CpuPinning pinning = gatewayCpus.isBlank() ? null : CpuPinning.parse(gatewayCpus);
		List<String> tokens = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			tokens.add(context.bearer("bench-client-" + c));
		}
		Map<String, String> limits = Map.of("PARCOURS_GATEWAY_RATE_LIMITS_API_REPLENISH_RATE", "100000",
				"PARCOURS_GATEWAY_RATE_LIMITS_API_BURST_CAPACITY", "200000", "PARCOURS_GATEWAY_RATE_LIMITS_KEY_PREFIX",
				"bench:" + ProcessHandle.current().pid(), "PARCOURS_GATEWAY_RATE_LIMITS_IMPLEMENTATION",
				rateLimiter.equals("both") ? "ours" : rateLimiter);
		RunningPlatform platform = context.start(Set.of(ServiceName.PARTNER, ServiceName.GATEWAY), limits);
		URI direct = platform.url(ServiceName.PARTNER);
		URI gateway = platform.url(ServiceName.GATEWAY);
		GatewayProcess bare = context.startBareGateway(direct);
		@Nullable GatewayProcess builtIn = null;
		if (rateLimiter.equals("both")) {
			Map<String, String> spring = new HashMap<>(limits);
			spring.put("PARCOURS_GATEWAY_RATE_LIMITS_IMPLEMENTATION", "spring");
			builtIn = context.startGateway(direct, spring, "gateway-spring-rate-limiter");
		}
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String path = "/api/partners/" + seedPartner(http, direct, tokens.getFirst());
		List<URI> bases = new ArrayList<>(List.of(direct, bare.url(), gateway));
		if (builtIn != null) {
			bases.add(builtIn.url());
		}
		for (URI base : bases) {
			int status = get(http, base.resolve(path), tokens.getFirst());
			if (status != 200) {
				throw new IllegalStateException("GET " + base.resolve(path) + " answered " + status);
			}
		}
		System.out.printf(
				"Gateway overhead: GET /api/partners/{id}, %d clients, %s warm-up per path, %s measured"
						+ " per path in rounds direct, bare, gateway%s, bare, direct%n",
				clients, warmUp, duration,
				builtIn == null ? ", gateway" : " (ours), gateway (spring), gateway (spring), gateway (ours)");
		System.out.println("Rate limiter: " + switch (rateLimiter) {
			case "both" ->
				"ours (gateway) and Spring Cloud Gateway's RequestRateLimiter (a second gateway), same policies";
			case "spring" -> "Spring Cloud Gateway's RequestRateLimiter with our policies";
			default -> "ours";
		});
		System.out.printf("Warm-up: each path at least %s and %,d requests (at most %s)%n", warmUp, warmUpRequests,
				WARM_UP_LIMIT);
		System.out.println("Rate limits: one client id, hence one Redis bucket, per bench client; limits raised to"
				+ " 100000/s (burst 200000) so that no bucket empties and every gateway request still checks Redis");
		System.out.println("Bare gateway: Spring Cloud Gateway with one route and its defaults, nothing of ours"
				+ " (benchmarks/bare-gateway), as a baseline for what any gateway costs here");
		if (pinning != null) {
			System.out.println("Pinned: " + pinning.describe());
		}
		List<ProcessHandle> gateways = new ArrayList<>(List.of(bare.process()));
		if (builtIn != null) {
			gateways.add(builtIn.process());
		}
		Runnable pin = () -> pin(pinning, platform, gateways, context);
		ServerTimes service = new ServerTimes(http, platform.managementUrl(ServiceName.PARTNER), "/api/partners/{id}");
		Target viaService = new Target("partner-service directly", direct.resolve(path), null);
		Target viaBare = new Target("through a bare gateway", bare.url().resolve(path),
				new ServerTimes(http, bare.managementUrl(), null));
		List<Target> viaGateways = new ArrayList<>(List
			.of(new Target(builtIn == null ? "through the gateway" : "through the gateway (ours)",
					gateway.resolve(path), new ServerTimes(http, platform.managementUrl(ServiceName.GATEWAY), null))));
		if (builtIn != null) {
			viaGateways.add(new Target("through the gateway (spring)", builtIn.url().resolve(path),
					new ServerTimes(http, builtIn.managementUrl(), null)));
		}
		List<Target> rounds = new ArrayList<>(List.of(viaService, viaBare));
		rounds.addAll(viaGateways);
		rounds.addAll(viaGateways.reversed());
		rounds.addAll(List.of(viaBare, viaService));
		// Unpinned: the JIT compiles the paths with every core, not on the gateway's one
		// alone between its requests, and the measured rounds find them compiled.
		for (Target target : rounds.subList(0, 2 + viaGateways.size())) {
			warmUp(http, target, tokens, warmUp, warmUpRequests);
		}
		pin.run();
		Duration round = duration.dividedBy(2);
		CpuAccount account = CpuAccount.of(platform).and("bare gateway", bare.process());
		if (builtIn != null) {
			account = account.and("gateway (spring)", builtIn.process());
		}
		CpuAccount.Spent atRest = account.atRest(Duration.ofSeconds(5));
		for (Target target : rounds) {
			pin.run();
			Timers before = Timers.read(service, target);
			CpuAccount.Meter meter = account.meter();
			meter.opens();
			closedLoop(http, target, tokens, round, true);
			meter.closes();
			target.cpu = target.cpu == null ? meter.spent() : target.cpu.plus(meter.spent());
			before.addTo(target.saturated, service, target);
		}
		print(viaService, viaBare, viaGateways);
		System.out.printf("  %s%n", atRest.perSecond());
		double slowest = viaService.perSecond();
		for (Target target : viaGateways) {
			slowest = Math.min(slowest, target.perSecond());
		}
		int perSecond = rate > 0 ? rate : (int) Math.round(slowest / 2);
		for (Target target : rounds) {
			pin.run();
			Timers before = Timers.read(service, target);
			Load.Result result = Load.atRate(perSecond, round,
					(request) -> target.atRate.answered(http, target.uri, tokens.get(request % tokens.size())));
			target.atRate.add(result);
			before.addTo(target.atRate.times, service, target);
		}
		printAtRate(perSecond, rate > 0, viaService, viaBare, viaGateways);
	}

	/**
	 * Pins the run's processes as asked, again before each round: the service's pool may
	 * have opened connections, hence PostgreSQL backends, since.
	 */
	private static void pin(@Nullable CpuPinning pinning, RunningPlatform platform, List<ProcessHandle> gateways,
			BenchContext context) {
		if (pinning == null) {
			return;
		}
		try (Connection db = context.connect(ServiceName.PARTNER)) {
			pinning.ownCores(platform.process(ServiceName.GATEWAY).orElseThrow().pid());
			for (ProcessHandle gateway : gateways) {
				pinning.ownCores(gateway.pid());
			}
			pinning.sharedCores(platform.process(ServiceName.PARTNER).orElseThrow().pid());
			pinning.sharedCores(ProcessHandle.current().pid());
			pinning.sharedCores(db, db.getCatalog());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not pin the run's processes: " + ex.getMessage(), ex);
		}
	}

	private static String seedPartner(HttpClient http, URI service, String token) throws Exception {
		String body = """
				{"name": "Clinique du Parc (bench)", "kind": "CLINIC", "country": "FR", "city": "Lyon",
				 "timeZone": "Europe/Paris", "specialties": ["cardiology"], "languages": ["fr", "en"]}
				""";
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.resolve("/api/partners"))
			.header("Authorization", token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(
					"Seeding a partner answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body()).path("id").asString();
	}

	private static int get(HttpClient http, URI uri, String token) throws Exception {
		return http
			.send(HttpRequest.newBuilder(uri).header("Authorization", token).GET().build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/** Where requests go, and what they measured there over all measured rounds. */
	private static final class Target {

		final String label;

		final URI uri;

		final Latencies latencies = new Latencies();

		final AtomicLong failed = new AtomicLong();

		/**
		 * The gateway the path goes through, whose timers say how long it held a request.
		 */
		final @Nullable ServerTimes proxy;

		final ServerMeans saturated = new ServerMeans();

		final AtRate atRate = new AtRate();

		long measuredNanos;

		CpuAccount.@Nullable Spent cpu;

		Target(String label, URI uri, @Nullable ServerTimes proxy) {
			this.label = label;
			this.uri = uri;
			this.proxy = proxy;
		}

		double perSecond() {
			return latencies.count() / (measuredNanos / 1e9);
		}

	}

	/** Each client sends its next request when the last one is answered. */
	private static long closedLoop(HttpClient http, Target target, List<String> tokens, Duration time, boolean measured)
			throws InterruptedException {
		AtomicLong sentInAll = new AtomicLong();
		long started = System.nanoTime();
		long ends = started + time.toNanos();
		CountDownLatch done = new CountDownLatch(tokens.size());
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (String token : tokens) {
				HttpRequest request = HttpRequest.newBuilder(target.uri).header("Authorization", token).GET().build();
				pool.submit(() -> {
					try {
						long sent;
						while ((sent = System.nanoTime()) < ends) {
							sentInAll.incrementAndGet();
							boolean ok;
							try {
								ok = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
							}
							catch (Exception ex) {
								ok = false;
							}
							if (!measured) {
								continue;
							}
							if (ok) {
								target.latencies.record(sent);
							}
							else {
								target.failed.incrementAndGet();
							}
						}
					}
					finally {
						done.countDown();
					}
				});
			}
			done.await();
		}
		if (measured) {
			target.measuredNanos += System.nanoTime() - started;
		}
		return sentInAll.get();
	}

	/**
	 * At least the given time, and until the path has served enough requests for the JIT
	 * to have compiled it (a slow path gets fewer requests in the same time), at most
	 * {@link #WARM_UP_LIMIT}.
	 */
	private static void warmUp(HttpClient http, Target target, List<String> tokens, Duration time, long requests)
			throws InterruptedException {
		long started = System.nanoTime();
		long served = closedLoop(http, target, tokens, time, false);
		while (served < requests && System.nanoTime() - started < WARM_UP_LIMIT.toNanos()) {
			served += closedLoop(http, target, tokens, Duration.ofSeconds(5), false);
		}
		System.out.printf("  warm-up %-30s %,d requests in %.0f s%n", target.label, served,
				(System.nanoTime() - started) / 1e9);
	}

	private static void print(Target direct, Target bare, List<Target> gateways) {
		List<Target> targets = new ArrayList<>(List.of(direct, bare));
		targets.addAll(gateways);
		System.out.println();
		for (Target target : targets) {
			System.out.printf("  %-30s %8.0f req/s   p50 %.2f ms   p99 %.2f ms   (%d ok, %d failed)%n", target.label,
					target.perSecond(), target.latencies.percentileMillis(50), target.latencies.percentileMillis(99),
					target.latencies.count(), target.failed.get());
		}
		for (Target gateway : gateways) {
			printTimes(gateway.label, direct.saturated, bare.saturated, gateway.saturated);
		}
		for (Target target : targets) {
			if (target.cpu != null) {
				long requests = target.latencies.count() + target.failed.get();
				System.out.printf("  %s: %s (cores %.0f%% busy; at this cost they allow %.0f req/s)%n", target.label,
						target.cpu.perOperation(requests, "request"), 100 * target.cpu.busy(),
						target.cpu.ceilingPerSecond(requests));
			}
		}
		System.out.printf("  machine load average %s%n", loadAverage());
		for (Target gateway : gateways) {
			System.out.printf("  a bare gateway keeps %.2f of direct throughput; %s keeps %.2f of the bare one's%n",
					bare.perSecond() / direct.perSecond(), gateway.label, gateway.perSecond() / bare.perSecond());
			double ratio = gateway.perSecond() / direct.perSecond();
			System.out.printf(
					"  ratio: %s keeps %.2f of direct throughput (target >= 0.85): %s; at saturation"
							+ " it adds %.2f ms at p50, %.2f ms at p99 (queueing: clients over throughput)%n",
					gateway.label, ratio, ratio >= 0.85 ? "met" : "MISSED",
					gateway.latencies.percentileMillis(50) - direct.latencies.percentileMillis(50),
					gateway.latencies.percentileMillis(99) - direct.latencies.percentileMillis(99));
		}
	}

	private static void printAtRate(int perSecond, boolean asked, Target direct, Target bare, List<Target> gateways) {
		List<Target> targets = new ArrayList<>(List.of(direct, bare));
		targets.addAll(gateways);
		System.out.println();
		System.out.printf(
				"Latency at a fixed rate: %d req/s on every path (%s), open loop, each request timed from"
						+ " when it was due%n",
				perSecond, asked ? "--rate" : "half the slower of direct and gateway throughput above");
		for (Target target : targets) {
			System.out.printf("  %-30s %8.0f req/s   p50 %.2f ms   p99 %.2f ms   (%d ok, %d failed)%n", target.label,
					target.atRate.perSecond(), target.atRate.latencies.percentileMillis(50),
					target.atRate.latencies.percentileMillis(99), target.atRate.succeeded, target.atRate.failed);
			target.atRate.failures
				.forEach((reason, count) -> System.out.printf("    failed: %s (%d)%n", reason, count.sum()));
		}
		System.out.printf("  a bare gateway adds %.2f ms at p50%n",
				bare.atRate.latencies.percentileMillis(50) - direct.atRate.latencies.percentileMillis(50));
		for (Target gateway : gateways) {
			printTimes(gateway.label, direct.atRate.times, bare.atRate.times, gateway.atRate.times);
			double addedP50 = gateway.atRate.latencies.percentileMillis(50)
					- direct.atRate.latencies.percentileMillis(50);
			double addedP99 = gateway.atRate.latencies.percentileMillis(99)
					- direct.atRate.latencies.percentileMillis(99);
			System.out.printf("  %s adds %.2f ms at p50 (target < 2 ms): %s; %.2f ms at p99%n", gateway.label, addedP50,
					addedP50 < 2 ? "met" : "MISSED", addedP99);
		}
	}

	private static void printTimes(String label, ServerMeans direct, ServerMeans bare, ServerMeans gateway) {
		System.out
			.printf("  where the time goes (mean, from the servers' http_server_requests metrics): partner-service"
					+ " handles a request in %.2f ms called directly, %.2f ms by the bare gateway, %.2f ms %s;"
					+ " the bare gateway holds a request %.2f ms, that gateway %.2f ms, the service's time included%n",
					direct.service.millis(), bare.service.millis(), gateway.service.millis(), label,
					bare.proxy.millis(), gateway.proxy.millis());
	}

	/**
	 * Mean times per request of partner-service and of the gateway in front of it, if
	 * any.
	 */
	private static final class ServerMeans {

		final ServerTimes.Mean service = new ServerTimes.Mean();

		final ServerTimes.Mean proxy = new ServerTimes.Mean();

	}

	/** The servers' timers before a round, to tell what the round added to them. */
	private record Timers(double[] service, double @Nullable [] proxy) {

		static Timers read(ServerTimes service, Target target) throws Exception {
			return new Timers(service.read(), (target.proxy == null) ? null : target.proxy.read());
		}

		void addTo(ServerMeans means, ServerTimes service, Target target) throws Exception {
			means.service.add(service.read(), this.service);
			if (target.proxy != null && this.proxy != null) {
				means.proxy.add(target.proxy.read(), this.proxy);
			}
		}

	}

	/** The latency rounds of a path, added up. */
	private static final class AtRate {

		final Latencies latencies = new Latencies();

		long succeeded;

		long failed;

		long measuredNanos;

		final ServerMeans times = new ServerMeans();

		/** Why requests failed: a status or an exception's class, and how many. */
		final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

		boolean answered(HttpClient http, URI uri, String token) {
			String failure;
			try {
				int status = get(http, uri, token);
				if (status == 200) {
					return true;
				}
				failure = "HTTP " + status;
			}
			catch (Exception ex) {
				failure = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
			}
			failures.computeIfAbsent(failure, (reason) -> new LongAdder()).increment();
			return false;
		}

		void add(Load.Result round) {
			latencies.add(round.latencies());
			succeeded += round.succeeded();
			failed += round.failed();
			measuredNanos += round.measured().toNanos();
		}

		double perSecond() {
			return succeeded / (measuredNanos / 1e9);
		}

	}

	/**
	 * Sum and count of a server's {@code http_server_requests_seconds}, read from its
	 * Prometheus endpoint before and after a round: the mean time it spent per request.
	 */
	private record ServerTimes(HttpClient http, URI server, String uri) {

		double[] read() throws Exception {
			String metrics = http
				.send(HttpRequest.newBuilder(server.resolve("/actuator/prometheus")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			double[] sumAndCount = new double[2];
			for (String line : metrics.lines().toList()) {
				boolean wanted = line.startsWith("http_server_requests_seconds_")
						&& (uri == null ? line.contains("/api/partners") || line.contains("uri=\"UNKNOWN\"")
								: line.contains("uri=\"" + uri + "\""));
				if (wanted && line.startsWith("http_server_requests_seconds_sum")) {
					sumAndCount[0] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
				else if (wanted && line.startsWith("http_server_requests_seconds_count")) {
					sumAndCount[1] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
			}
			return sumAndCount;
		}

		/** Seconds and requests over the rounds a target was measured in. */
		static final class Mean {

			private double seconds;

			private double requests;

			void add(double[] after, double[] before) {
				seconds += after[0] - before[0];
				requests += after[1] - before[1];
			}

			double millis() {
				return requests == 0 ? Double.NaN : seconds / requests * 1000;
			}

		}

	}

	/** Other work on the machine weighs on every path, on the longer ones more. */
	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (java.io.IOException | RuntimeException ex) {
			return "unknown";
		}
	}

}
