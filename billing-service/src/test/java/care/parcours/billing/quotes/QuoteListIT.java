package care.parcours.billing.quotes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@ParcoursTest
class QuoteListIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void withoutQuotesTheListIsAnEmptyPage() {
		jdbc.sql("delete from quote").update();

		http.get()
			.uri("/api/quotes")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(0)
			.jsonPath("$.page.totalElements")
			.isEqualTo(0)
			.jsonPath("$.page.size")
			.isEqualTo(20);
	}

	@Test
	void quotesAreListedNewestFirstWithExactAmounts() {
		UUID older = quote(Instant.parse("2026-11-01T10:00:00Z"), 1_250_000);
		UUID newer = quote(Instant.parse("2026-11-20T10:00:00Z"), 99);

		http.get()
			.uri("/api/quotes?size=100")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[0].id")
			.isEqualTo(newer.toString())
			.jsonPath("$.content[0].totalMinor")
			.isEqualTo(99)
			.jsonPath("$.content[1].id")
			.isEqualTo(older.toString())
			.jsonPath("$.content[1].totalMinor")
			.isEqualTo(1_250_000);
	}

	private UUID quote(Instant createdAt, long totalMinor) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into quote (id, patient_id, status, currency, total_minor, version, created_at)
				values (?, ?, 'DRAFT', 'EUR', ?, 0, ?)
				""").params(id, UUID.randomUUID(), totalMinor, Timestamp.from(createdAt)).update();
		return id;
	}

}
