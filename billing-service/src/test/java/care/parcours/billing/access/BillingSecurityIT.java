package care.parcours.billing.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.test.ApiContractTests;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@ParcoursTest
class BillingSecurityIT extends ApiContractTests {

	@Override
	protected String service() {
		return "billing-service";
	}

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPartnerReadsOnlyTheQuotesThatConcernIt() {
		UUID ours = UUID.randomUUID();
		UUID theirs = UUID.randomUUID();
		UUID mine = quote(ours);
		quote(theirs);
		String partner = TestTokens.partner(ours).bearer();

		http.get()
			.uri("/api/quotes")
			.header(HttpHeaders.AUTHORIZATION, partner)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].id")
			.isEqualTo(List.of(mine.toString()));
		http.get()
			.uri("/api/quotes?partnerId={id}", theirs)
			.header(HttpHeaders.AUTHORIZATION, partner)
			.exchange()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(0);
		http.get()
			.uri("/api/quotes")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.partner(ours).scopes("partner.appointments.read").bearer())
			.exchange()
			.expectStatus()
			.isForbidden();
		http.get()
			.uri("/api/quotes")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff("billing").bearer())
			.exchange()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(2);
	}

	private UUID quote(UUID partnerId) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into quote (id, patient_id, partner_id, status, currency, total_minor, version, created_at)
				values (?, ?, ?, 'DRAFT', 'EUR', 100000, 0, ?)
				""").params(id, UUID.randomUUID(), partnerId, Timestamp.from(Instant.now())).update();
		return id;
	}

}
