package care.parcours.billing.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.billing.BillingApi;
import care.parcours.billing.invoices.InvoiceScenario;
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

	/** Payment providers sign their notifications instead of holding a token. */
	@Override
	protected Set<String> publicOperations() {
		return Set.of("POST /api/payment-notifications/{provider}");
	}

	@Autowired
	RestTestClient http;

	@Test
	void billingStaffIssueAndRecordPaymentsCoordinatorsReadAndAPartnerReadsOnlyItsOwnInvoices() {
		BillingApi api = new BillingApi(http);
		InvoiceScenario ours = InvoiceScenario.accepted(api, "fr");
		InvoiceScenario theirs = InvoiceScenario.accepted(api, "nl");
		String coordinator = TestTokens.staff("coordinator").bearer();
		String billing = TestTokens.staff("billing").bearer();
		String partner = TestTokens.partner(ours.partnerId()).bearer();
		String issue = """
				{"quoteId": "%s", "kind": "FULL"}""";

		for (String refused : List.of(coordinator, partner)) {
			http.post()
				.uri("/api/invoices")
				.header(HttpHeaders.AUTHORIZATION, refused)
				.contentType(MediaType.APPLICATION_JSON)
				.body(issue.formatted(ours.quoteId()))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		String mine = BillingApi
			.body(http.post()
				.uri("/api/invoices")
				.header(HttpHeaders.AUTHORIZATION, billing)
				.contentType(MediaType.APPLICATION_JSON)
				.body(issue.formatted(ours.quoteId()))
				.exchange()
				.expectStatus()
				.isCreated())
			.get("id")
			.asString();
		String other = theirs.issue(api, "FULL", "");
		for (String refused : List.of(coordinator, partner)) {
			http.post()
				.uri("/api/invoices/{id}/payments", mine)
				.header(HttpHeaders.AUTHORIZATION, refused)
				.contentType(MediaType.APPLICATION_JSON)
				.body("""
						{"method": "CARD", "provider": "acme-pay", "reference": "x",
						 "amount": {"amount": "1.00", "currency": "EUR"}}""")
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		http.get()
			.uri("/api/invoices/{id}", other)
			.header(HttpHeaders.AUTHORIZATION, coordinator)
			.exchange()
			.expectStatus()
			.isOk();
		http.get()
			.uri("/api/invoices")
			.header(HttpHeaders.AUTHORIZATION, partner)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].id")
			.isEqualTo(List.of(mine));
		http.get()
			.uri("/api/invoices?partnerId={id}", theirs.partnerId())
			.header(HttpHeaders.AUTHORIZATION, partner)
			.exchange()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(0);
		http.get()
			.uri("/api/invoices/{id}/pdf", mine)
			.header(HttpHeaders.AUTHORIZATION, partner)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF);
		for (String path : List.of("/api/invoices/{id}", "/api/invoices/{id}/pdf")) {
			http.get()
				.uri(path, other)
				.header(HttpHeaders.AUTHORIZATION, partner)
				.exchange()
				.expectStatus()
				.isNotFound();
		}
	}

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
