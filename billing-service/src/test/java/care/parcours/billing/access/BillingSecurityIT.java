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
		String payment = """
				{"method": "CARD", "provider": "acme-pay", "reference": "x",
				 "amount": {"amount": "1.00", "currency": "EUR"}}""";

		for (String refused : List.of(coordinator, partner)) {
			postAs(refused, "/api/invoices").body(issue.formatted(ours.quoteId()))
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		String mine = BillingApi
			.body(postAs(billing, "/api/invoices").body(issue.formatted(ours.quoteId()))
				.exchange()
				.expectStatus()
				.isCreated())
			.get("id")
			.asString();
		String other = theirs.issue(api, "FULL", "");
		for (String refused : List.of(coordinator, partner)) {
			postAs(refused, "/api/invoices/{id}/payments", mine).body(payment).exchange().expectStatus().isForbidden();
		}
		getAs(coordinator, "/api/invoices/{id}", other).exchange().expectStatus().isOk();
		getAs(partner, "/api/invoices").exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].id")
			.isEqualTo(List.of(mine));
		getAs(partner, "/api/invoices?partnerId={id}", theirs.partnerId()).exchange()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(0);
		getAs(partner, "/api/invoices/{id}/pdf", mine).exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF);
		for (String path : List.of("/api/invoices/{id}", "/api/invoices/{id}/pdf")) {
			getAs(partner, path, other).exchange().expectStatus().isNotFound();
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

		getAs(partner, "/api/quotes").exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].id")
			.isEqualTo(List.of(mine));
		getAs(partner, "/api/quotes?partnerId={id}", theirs).exchange()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(0);
		getAs(partner, "/api/quotes/{id}/versions/1/pdf", mine).exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF);
		for (String path : List.of("/api/quotes/{id}", "/api/quotes/{id}/versions/1",
				"/api/quotes/{id}/versions/1/pdf")) {
			getAs(partner, path, other).exchange().expectStatus().isNotFound();
		}
		getAs(TestTokens.partner(ours).scopes("partner.appointments.read").bearer(), "/api/quotes").exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void partnersAndCoordinatorsCannotChangeTheCatalogueNorPartnersDraftQuotes() {
		String coordinator = TestTokens.staff("coordinator").bearer();
		postAs(coordinator, "/api/catalogue/items").body("{}").exchange().expectStatus().isForbidden();
		getAs(coordinator, "/api/catalogue/items").exchange().expectStatus().isOk();
		postAs(TestTokens.partner(UUID.randomUUID()).bearer(), "/api/quotes").body("{}")
			.exchange()
			.expectStatus()
			.isForbidden();
		getAs(TestTokens.partner(UUID.randomUUID()).bearer(), "/api/coverages?patientId={id}", UUID.randomUUID())
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
