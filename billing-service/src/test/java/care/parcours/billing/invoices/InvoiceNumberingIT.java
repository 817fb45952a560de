package care.parcours.billing.invoices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import care.parcours.billing.BillingApi;
import care.parcours.platform.money.Money;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbers under concurrency: 16 threads issue deposit invoices for two issuers (four
 * quotes each), on both sides of New Year's midnight in billing's zone, and roll some
 * transactions back on purpose after their number was taken. Each issuer's numbers of
 * each year then run 1..N, N being the invoices committed: no gap, no duplicate.
 */
@ParcoursTest
class InvoiceNumberingIT {

	/** 23:59:59 on 31 December in Paris, and one second later: 2026, then 2027. */
	private static final Instant[] SIDES = { Instant.parse("2026-12-31T22:59:59Z"),
			Instant.parse("2026-12-31T23:00:00Z") };

	private static final int THREADS = 16;

	private static final int ROUNDS = 12;

	@Autowired
	RestTestClient http;

	@Autowired
	InvoiceService invoices;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void numbersRunFromOneWithoutGapNorDuplicatePerIssuerAndYearWhateverRollsBack() throws Exception {
		BillingApi api = new BillingApi(http);
		List<UUID> issuers = List.of(UUID.randomUUID(), UUID.randomUUID());
		List<InvoiceScenario> quotes = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			quotes.add(InvoiceScenario.accepted(api, "en", issuers.get(i % 2)));
		}
		Map<String, AtomicInteger> committed = new ConcurrentHashMap<>();
		AtomicInteger rolledBack = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					start.await();
					for (int round = 0; round < ROUNDS; round++) {
						InvoiceScenario quote = quotes.get((thread + round) % quotes.size());
						Instant now = SIDES[(thread + round) / 2 % 2];
						boolean rollBack = (thread * ROUNDS + round) % 5 == 0;
						Invoice issued = transactions.execute(status -> {
							Invoice invoice = invoices.issue(new InvoiceService.IssueRequest(quote.quoteId(),
									InvoiceKind.DEPOSIT, null, Money.of("1.00", "EUR"), Set.of(), null), now);
							if (rollBack) {
								status.setRollbackOnly();
							}
							return invoice;
						});
						if (rollBack) {
							rolledBack.incrementAndGet();
						}
						else {
							committed
								.computeIfAbsent(issued.issuerId() + "/" + issued.number().year(),
										k -> new AtomicInteger())
								.incrementAndGet();
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : done) {
				future.get();
			}
		}

		assertThat(rolledBack.get()).isGreaterThan(30);
		assertThat(committed).hasSize(4);
		for (UUID issuer : issuers) {
			for (int year : new int[] { 2026, 2027 }) {
				List<Integer> numbers = jdbc
					.sql("select sequence from invoice where issuer_id = ? and year = ? order by sequence")
					.params(issuer, year)
					.query(Integer.class)
					.list();
				int expected = committed.get(issuer + "/" + year).get();
				assertThat(numbers).as(issuer + " in " + year)
					.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, expected).boxed().toList());
				assertThat(jdbc.sql("select last from invoice_counter where issuer_id = ? and year = ?")
					.params(issuer, year)
					.query(Integer.class)
					.single()).isEqualTo(expected);
			}
		}
		// The same proof in SQL alone, as the benchmark runs it.
		assertThat(jdbc.sql("""
				select count(*) from (
				  select issuer_id, year from invoice where issuer_id in (?, ?)
				  group by issuer_id, year
				  having count(*) <> max(sequence) or count(distinct sequence) <> count(*) or min(sequence) <> 1
				) broken
				""").params(issuers.get(0), issuers.get(1)).query(Integer.class).single()).isZero();
	}

}
