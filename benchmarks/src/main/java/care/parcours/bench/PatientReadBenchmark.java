package care.parcours.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./bench patient-read}: {@code GET /api/patients/{id}} of random patients among
 * 1,000, 16 clients in a closed loop: each read unwraps the patient's data key, decrypts
 * the identity and writes the audit row in the read's transaction. The baseline, in the
 * same run and with as many clients, is a plain JDBC select of the same encrypted rows
 * (identity and wrapped data key, by id), nothing decrypted, nothing written: what the
 * database alone costs. Options: {@code --patients=1000}, {@code --clients=16},
 * {@code --duration=20s}, {@code --warmup=10s}.
 */
final class PatientReadBenchmark implements Benchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String name() {
		return "patient-read";
	}

	@Override
	public String description() {
		return "reads of one patient record over HTTP (decrypt + audit row), 16 clients, vs a JDBC select of the "
				+ "same encrypted rows";
	}

	@Override
	public void run(BenchContext context) throws Exception {
		int patients = context.option("patients", 1_000);
		int clients = context.option("clients", 16);
		Duration duration = context.option("duration", Duration.ofSeconds(20));
		Duration warmUp = context.option("warmup", Duration.ofSeconds(10));
		RunningPlatform platform = context.start(Set.of(ServiceName.PATIENT));
		URI base = platform.url(ServiceName.PATIENT);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String bearer = context.bearer();

		long seeding = System.nanoTime();
		List<UUID> ids = register(http, base, bearer, patients);
		System.out.printf("Registered %,d patients over HTTP in %.1f s%n", ids.size(),
				(System.nanoTime() - seeding) / 1e9);
		System.out.printf("Patient read: %d clients, %s warm-up, %s measured%n", clients, warmUp, duration);

		CpuAccount account = CpuAccount.of(platform);
		CpuAccount.Spent atRest = account.atRest(Duration.ofSeconds(5));
		CpuAccount.Meter httpCpu = account.meter();
		Load.Result reads = Load.run(clients, warmUp, duration, httpCpu, client -> {
			UUID id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
			HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/patients/" + id))
				.header("Authorization", bearer)
				.header("X-Access-Purpose", "care-coordination")
				.build();
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
		});

		List<Connection> connections = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			connections.add(context.connect(ServiceName.PATIENT));
		}
		CpuAccount.Meter sqlCpu = account.meter();
		Load.Result selects;
		try {
			selects = Load.run(clients, warmUp, duration, sqlCpu, client -> {
				UUID id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
				try (PreparedStatement select = connections.get(client).prepareStatement("""
						select p.id, p.identity, p.encryption, p.key_id, p.version, p.registered_at, p.erased_at,
						       k.wrapped_keyset, k.master_key_id
						from patient p join patient_data_key k on k.patient_id = p.id where p.id = ?
						""")) {
					select.setObject(1, id);
					try (ResultSet rs = select.executeQuery()) {
						return rs.next() && rs.getBytes("identity").length > 0 && rs.getBytes("wrapped_keyset") != null;
					}
				}
			});
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}

		System.out.println();
		System.out.printf("  reads over HTTP     %8.0f /s   %s (failed: %d)%n", reads.perSecond(),
				reads.latencies().summary(), reads.failed());
		System.out.printf("  JDBC selects        %8.0f /s   %s (failed: %d)%n", selects.perSecond(),
				selects.latencies().summary(), selects.failed());
		System.out.printf(
				"  ratio               %8.2f     (target >= 0.50); p99 %.1f ms (target < 50 ms at %d clients)%n",
				reads.perSecond() / selects.perSecond(), reads.latencies().percentileMillis(99), clients);
		CpuAccount.Spent spent = httpCpu.spent();
		long calls = reads.succeeded() + reads.failed();
		System.out.printf("  %s%n  cores %.0f%% busy while reading; at this CPU per read they allow %.0f reads/s%n",
				spent.perOperation(calls, "read"), 100 * spent.busy(), spent.ceilingPerSecond(calls));
		System.out.printf("  %s%n", atRest.perSecond());
		System.out.printf("  %s%n", sqlCpu.spent().perOperation(selects.succeeded() + selects.failed(), "JDBC select"));
	}

	/** Patients with names, contacts and an insurer number of their own, 8 at a time. */
	private static List<UUID> register(HttpClient http, URI base, String bearer, int count) throws Exception {
		List<UUID> ids = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicInteger next = new AtomicInteger();
		List<Thread> threads = new ArrayList<>();
		List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		for (int t = 0; t < 8; t++) {
			threads.add(Thread.ofVirtual().start(() -> {
				try {
					for (int n; (n = next.getAndIncrement()) < count;) {
						String body = """
								{"givenName": "Amina", "familyName": "Bench-%1$d", "birthDate": "19%2$02d-0%3$d-1%4$d",
								 "sex": "FEMALE", "nationality": "BE", "countryOfResidence": "BE", "languages": ["fr", "nl"],
								 "email": "amina.%1$d@example.org", "phone": "+3247%5$07d",
								 "address": {"lines": ["Rue de la Loi %1$d"], "postalCode": "1000", "city": "Bruxelles",
								             "country": "BE"},
								 "identifiers": [{"type": "INSURER_MEMBER", "value": "M%1$08d", "insurer": "MUT-BE"}]}
								"""
							.formatted(n, 40 + n % 50, 1 + n % 9, n % 10, n);
						HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/patients"))
							.header("Authorization", bearer)
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build(), HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 201) {
							throw new IllegalStateException("Registering answered " + response.statusCode());
						}
						ids.add(UUID.fromString(JSON.readTree(response.body()).path("id").asString()));
					}
				}
				catch (Exception ex) {
					failures.add(ex);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (!failures.isEmpty()) {
			throw failures.getFirst();
		}
		return List.copyOf(ids);
	}

}
