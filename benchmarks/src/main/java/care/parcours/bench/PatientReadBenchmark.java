package care.parcours.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;

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
		List<UUID> ids = PatientRegistrations.register(http, base, bearer, patients);
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

		CpuAccount.Meter sqlCpu = account.meter();
		Load.Result selects;
		try (JdbcClients connections = JdbcClients.open(context, ServiceName.PATIENT, clients)) {
			selects = Load.run(clients, warmUp, duration, sqlCpu, client -> {
				UUID id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
				try (PreparedStatement select = connections.of(client).prepareStatement("""
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

}
