package care.parcours.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;

/**
 * {@code ./bench invoices}: 16 clients issue invoices over billing-service's HTTP API in
 * a closed loop, each a deposit of 0.01 EUR on its own accepted quote, for two issuers,
 * so that clients queue only where numbering makes them: on their issuer's counter row of
 * the year, held from the number's increment to the commit. The baseline, in the same run
 * and with as many JDBC connections, inserts the same invoice rows into a table of the
 * same columns with no numbering, no constraint and no trigger: what the database alone
 * costs. Afterwards, SQL over the invoices proves each issuer's numbers of the year run
 * 1..N, no gap, no duplicate. Options: {@code --clients=16}, {@code --issuers=2},
 * {@code --duration=30s}, {@code --warmup=10s}.
 */
final class InvoicesBenchmark implements Benchmark {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	@Override
	public String name() {
		return "invoices";
	}

	@Override
	public String description() {
		return "invoices issued over HTTP (numbered per issuer and year), 16 clients, vs plain JDBC inserts of the "
				+ "same rows without numbering; then SQL proves numbers 1..N, no gap";
	}

	@Override
	public void run(BenchContext context) throws Exception {
		int clients = context.option("clients", 16);
		int issuers = context.option("issuers", 2);
		Duration duration = context.option("duration", Duration.ofSeconds(30));
		Duration warmUp = context.option("warmup", Duration.ofSeconds(10));
		RunningPlatform platform = context.start(Set.of(ServiceName.BILLING));
		URI base = platform.url(ServiceName.BILLING);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String bearer = context.bearer();

		List<UUID> partners = new ArrayList<>();
		for (int i = 0; i < issuers; i++) {
			partners.add(UUID.randomUUID());
		}
		String item = id(post(http, base, bearer, "/api/catalogue/items", """
				{"kind": "MEDICAL_ACT", "nomenclature": "CCAM", "code": "BNCH%03d",
				 "labels": {"fr": "Acte de banc d'essai", "en": "Benchmark act", "nl": "Benchmarkhandeling"}}
				""".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(1000))));
		for (UUID partner : partners) {
			post(http, base, bearer, "/api/catalogue/tariffs", """
					{"itemId": "%s", "partnerId": "%s", "unitPrice": {"amount": "9800.00", "currency": "EUR"},
					 "vatRate": 0, "validFrom": "2000-01-01"}
					""".formatted(item, partner));
		}
		List<String> quotes = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			String quote = id(post(http, base, bearer, "/api/quotes", """
					{"patientId": "%s", "partnerId": "%s", "pathwayId": "%s", "currency": "EUR", "language": "fr",
					 "validUntil": "%s", "lines": [{"itemId": "%s", "quantity": 1}]}
					""".formatted(UUID.randomUUID(), partners.get(c % issuers), UUID.randomUUID(),
					LocalDate.now().plusDays(30), item)));
			act(http, base, bearer, "/api/quotes/" + quote + "/send", "\"0\"");
			act(http, base, bearer, "/api/quotes/" + quote + "/versions/1/accept", "\"1\"");
			quotes.add(quote);
		}
		System.out.printf("Invoices: %d clients, %d issuers, %s warm-up, %s measured%n", clients, issuers, warmUp,
				duration);

		CpuAccount account = CpuAccount.of(platform);
		CpuAccount.Meter httpCpu = account.meter();
		Load.Result issued = Load.run(clients, warmUp, duration, httpCpu, client -> {
			HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/invoices"))
				.header("Authorization", bearer)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"quoteId": "%s", "kind": "DEPOSIT", "depositAmount": {"amount": "0.01", "currency": "EUR"}}
						""".formatted(quotes.get(client))))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 201;
		});

		CpuAccount.Meter sqlCpu = account.meter();
		Load.Result inserts;
		try (Connection admin = context.connect(ServiceName.BILLING)) {
			try (Statement ddl = admin.createStatement()) {
				ddl.execute("create table plain_invoice (like invoice including defaults)");
			}
			try (JdbcClients connections = JdbcClients.open(context, ServiceName.BILLING, clients)) {
				inserts = Load.run(clients, warmUp, duration, sqlCpu, client -> {
					try (PreparedStatement insert = connections.of(client).prepareStatement("""
							insert into plain_invoice (id, issuer_id, year, sequence, number, kind, patient_id,
							  pathway_id, quote_id, quote_version, currency, language, net, vat, total,
							  insurers_total, patient_total, due_on, issued_at, paid, refunded, credited, balance,
							  status, version)
							values (?, ?, 2026, 0, '', 'DEPOSIT', ?, ?, ?, 1, 'EUR', 'fr', 0.01, 0, 0.01, 0, 0.01,
							  current_date + 30, now(), 0, 0, 0, 0.01, 'ISSUED', 0)
							""")) {
						insert.setObject(1, UUID.randomUUID());
						insert.setObject(2, partners.get(client % issuers));
						insert.setObject(3, UUID.randomUUID());
						insert.setObject(4, UUID.randomUUID());
						insert.setObject(5, UUID.fromString(quotes.get(client)));
						return insert.executeUpdate() == 1;
					}
				});
			}
		}

		System.out.println();
		System.out.printf("  invoices over HTTP  %8.0f /s   %s (failed: %d)%n", issued.perSecond(),
				issued.latencies().summary(), issued.failed());
		System.out.printf("  plain JDBC inserts  %8.0f /s   %s (failed: %d)%n", inserts.perSecond(),
				inserts.latencies().summary(), inserts.failed());
		System.out.printf("  ratio               %8.3f%n", issued.perSecond() / inserts.perSecond());
		CpuAccount.Spent spent = httpCpu.spent();
		long calls = issued.succeeded() + issued.failed();
		System.out.printf("  %s%n  cores %.0f%% busy while issuing%n", spent.perOperation(calls, "invoice"),
				100 * spent.busy());
		System.out.printf("  %s%n", sqlCpu.spent().perOperation(inserts.succeeded() + inserts.failed(), "insert"));
		System.out.printf("  %s%n", CpuAccount.loadAverage());
		proveNumbers(context);
	}

	/** Each issuer's numbers of each year: 1..N, no gap, no duplicate. */
	private static void proveNumbers(BenchContext context) throws Exception {
		System.out.println();
		System.out.println("  numbers per issuer and year (count, distinct, min, max; 1..N when all four agree):");
		boolean unbroken = true;
		try (Connection connection = context.connect(ServiceName.BILLING);
				PreparedStatement query = connection.prepareStatement("""
						select issuer_id, year, count(*) as n, count(distinct sequence) as distinct_numbers,
						       min(sequence) as first, max(sequence) as last,
						       (select last from invoice_counter c where c.issuer_id = i.issuer_id and c.year = i.year)
						         as counter
						from invoice i group by issuer_id, year order by issuer_id, year
						""");
				ResultSet rs = query.executeQuery()) {
			while (rs.next()) {
				long n = rs.getLong("n");
				boolean ok = n == rs.getLong("distinct_numbers") && rs.getLong("first") == 1 && rs.getLong("last") == n
						&& rs.getLong("counter") == n;
				unbroken &= ok;
				System.out.printf("    %s %d: %,d invoices, %,d distinct, %d..%d, counter %d: %s%n",
						rs.getString("issuer_id"), rs.getInt("year"), n, rs.getLong("distinct_numbers"),
						rs.getLong("first"), rs.getLong("last"), rs.getLong("counter"), ok ? "1..N" : "BROKEN");
			}
		}
		System.out.println(unbroken ? "  no gap, no duplicate" : "  GAP OR DUPLICATE FOUND");
	}

	private static String post(HttpClient http, URI base, String bearer, String path, String json) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
			.header("Authorization", bearer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static void act(HttpClient http, URI base, String bearer, String path, String ifMatch) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
			.header("Authorization", bearer)
			.header("If-Match", ifMatch)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
		}
	}

	private static String id(String body) {
		Matcher matcher = ID.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("no id in " + body);
		}
		return matcher.group(1);
	}

}
