package care.parcours.billing.access;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.parcours.billing.BillingApi;
import care.parcours.test.ApiContractTests;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@ParcoursTest
class BillingSecurityIT extends ApiContractTests {

	@Override
	protected String service() {
		return "billing-service";
	}

	@Autowired
	RestTestClient http;

	@Test
	void aPartnerReadsOnlyTheQuotesThatConcernIt() {
		BillingApi api = new BillingApi(http);
		UUID ours = UUID.randomUUID();
		UUID theirs = UUID.randomUUID();
		UUID act = api.item("MEDICAL_ACT", "INAMI", "28907" + (int) (Math.random() * 10));
		api.tariff(act, ours, "1650.50", "0");
		api.tariff(act, theirs, "1700.00", "0");
		String mine = quote(api, ours, act);
		String other = quote(api, theirs, act);
		String partner = TestTokens.partner(ours).bearer();

		http.get()
			.uri("/api/quotes")
			.header(HttpHeaders.AUTHORIZATION, partner)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].id")
			.isEqualTo(List.of(mine));
		http.get()
			.uri("/api/quotes?partnerId={id}", theirs)
			.header(HttpHeaders.AUTHORIZATION, partner)
			.exchange()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(0);
		http.get()
			.uri("/api/quotes/{id}/versions/1/pdf", mine)
			.header(HttpHeaders.AUTHORIZATION, partner)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF);
		for (String path : List.of("/api/quotes/{id}", "/api/quotes/{id}/versions/1",
				"/api/quotes/{id}/versions/1/pdf")) {
			http.get()
				.uri(path, other)
				.header(HttpHeaders.AUTHORIZATION, partner)
				.exchange()
				.expectStatus()
				.isNotFound();
		}
		http.get()
			.uri("/api/quotes")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.partner(ours).scopes("partner.appointments.read").bearer())
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void partnersAndCoordinatorsCannotChangeTheCatalogueNorPartnersDraftQuotes() {
		String coordinator = TestTokens.staff("coordinator").bearer();
		http.post()
			.uri("/api/catalogue/items")
			.header(HttpHeaders.AUTHORIZATION, coordinator)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isForbidden();
		http.get()
			.uri("/api/catalogue/items")
			.header(HttpHeaders.AUTHORIZATION, coordinator)
			.exchange()
			.expectStatus()
			.isOk();
		http.post()
			.uri("/api/quotes")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.partner(UUID.randomUUID()).bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isForbidden();
		http.get()
			.uri("/api/coverages?patientId={id}", UUID.randomUUID())
			.header(HttpHeaders.AUTHORIZATION, TestTokens.partner(UUID.randomUUID()).bearer())
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private static String quote(BillingApi api, UUID partner, UUID act) {
		return BillingApi
			.body(api.post("/api/quotes", """
					{"patientId": "%s", "partnerId": "%s", "pathwayId": "%s", "currency": "EUR", "language": "nl",
					 "validUntil": "%s", "lines": [{"itemId": "%s", "quantity": 1}]}
					""".formatted(UUID.randomUUID(), partner, UUID.randomUUID(), LocalDate.now().plusDays(30), act))
				.expectStatus()
				.isCreated())
			.get("id")
			.asString();
	}

}
