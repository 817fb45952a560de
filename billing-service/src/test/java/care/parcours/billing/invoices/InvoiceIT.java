package care.parcours.billing.invoices;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.billing.BillingApi;
import care.parcours.events.billing.BillingEvent;
import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import care.parcours.test.TestEvents;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.test.PublishedEvents.about;
import static care.parcours.test.PublishedEvents.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Invoices through HTTP against the real database and broker: a deposit before travel,
 * the balance once scheduling reports the care performed, paid in parts, settled once;
 * credit notes in the invoices' sequence; bad input refused with nothing written; issued
 * columns that not even a superuser can change; the PDF read back.
 */
@ParcoursTest
class InvoiceIT {

	private static final String PROBLEMS = "https://parcours.care/problems/";

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	BillingApi api;

	@BeforeEach
	void api() {
		api = new BillingApi(http);
	}

	@Test
	void aDepositThenTheBalanceAfterCareArePaidInPartsAndSettleOnceWithTheirEventsOnThePathway() {
		InvoiceScenario quote = InvoiceScenario.accepted(api, "en");
		String deposit = quote.issue(api, "DEPOSIT", "\"depositPercent\": 30");
		JsonNode issued = api.get("/api/invoices/" + deposit);
		int year = Integer.parseInt(issued.get("number").asString().substring(0, 4));
		assertThat(issued.get("number").asString()).isEqualTo(year + "-000001");
		assertThat(issued.get("totals").get("total").get("amount").asString()).isEqualTo("3058.80");
		assertThat(issued.get("totals").get("insurers").get("amount").asString()).isEqualTo("2058.00");
		assertThat(issued.get("status").asString()).isEqualTo("ISSUED");

		api.post("/api/invoices", """
				{"quoteId": "%s", "kind": "BALANCE"}""".formatted(quote.quoteId()))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "care-not-performed");
		UUID appointment = UUID.randomUUID();
		TestEvents.publish(new AppointmentCompleted(appointment, UUID.randomUUID(), quote.partnerId(),
				quote.patientId(), Instant.now(), quote.stepId()), appointment, 4, quote.pathwayId(), Instant.now());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from performed_care where appointment_id = ?")
				.param(appointment)
				.query(Integer.class)
				.single() == 1);

		String balance = quote.issue(api, "BALANCE", "");
		JsonNode balanced = api.get("/api/invoices/" + balance);
		assertThat(balanced.get("number").asString()).isEqualTo(year + "-000002");
		assertThat(balanced.get("totals").get("total").get("amount").asString()).isEqualTo("7137.20");
		assertThat(balanced.get("totals").get("insurers").get("amount").asString()).isEqualTo("4802.00");
		assertThat(balanced.get("appointments").get(0).asString()).isEqualTo(appointment.toString());
		api.post("/api/invoices", """
				{"quoteId": "%s", "kind": "DEPOSIT", "depositAmount": {"amount": "1.00", "currency": "EUR"}}"""
			.formatted(quote.quoteId())).expectStatus().isEqualTo(409);

		pay(balance, "CARD", "acme-pay", "ch_" + balance, "1000.00", null).expectStatus().isCreated();
		pay(balance, "CARD", "acme-pay", "ch_" + balance, "1000.00", null).expectStatus().isOk();
		pay(balance, "CARD", "acme-pay", "ch_" + balance, "999.00", null).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "payment-reference-used");
		pay(deposit, "CARD", "acme-pay", "ch_" + balance, "1000.00", null).expectStatus().isEqualTo(409);
		pay(balance, "TRANSFER", "bank", "tr_" + balance, "6137.21", null).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "payment-exceeds-balance")
			.jsonPath("$.balance")
			.isEqualTo("6137.20");
		pay(balance, "INSURER_SETTLEMENT", "inami", "batch-" + balance, "4802.00", quote.insurerId().toString())
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PARTIALLY_PAID");
		pay(balance, "TRANSFER", "bank", "tr_" + balance, "1335.20", null).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PAID")
			.jsonPath("$.balance.amount")
			.isEqualTo("0.00");

		try (PublishedEvents events = PublishedEvents.on(BillingEvent.TOPIC)) {
			PublishedEvents.Received sent = events.await(about(balance).and(ofType("billing.invoice.issued.v1")));
			assertThat(sent.envelope().get("pathwayId").asString()).isEqualTo(quote.pathwayId().toString());
			assertThat(sent.data().get("kind").asString()).isEqualTo("BALANCE");
			assertThat(sent.data().get("stepId").asString()).isEqualTo(quote.stepId().toString());
			PublishedEvents.Received settled = events.await(about(balance).and(ofType("billing.invoice.settled.v1")));
			assertThat(settled.data().get("paidAmount").asString()).isEqualTo("7137.20");
			assertThat(settled.envelope().get("aggregateVersion").asLong()).isEqualTo(3);
			assertThat(events.all(about(balance).and(ofType("billing.payment.received.v1")))).hasSize(3);
			assertThat(events.all(about(balance).and(ofType("billing.invoice.settled.v1")))).hasSize(1);
		}
	}

	@Test
	void creditNotesTakeTheNextNumberOfTheInvoicesAndNeverExceedWhatRemainsDue() {
		InvoiceScenario quote = InvoiceScenario.accepted(api, "fr");
		String full = quote.issue(api, "FULL", "");
		String number = api.get("/api/invoices/" + full).get("number").asString();
		pay(full, "CARD", "acme-pay", "ch_" + full, "1000.00", null).expectStatus().isCreated();

		api.post("/api/invoices/" + full + "/credit-notes", """
				{"amount": {"amount": "9196.01", "currency": "EUR"}, "reason": "CANCELLED_CARE"}""", "\"1\"")
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "credit-exceeds-balance");
		JsonNode paid = api.get("/api/invoices/" + full);
		String paymentId = paid.get("payments").get(0).get("id").asString();
		api.post("/api/invoices/" + full + "/refunds", """
				{"amount": {"amount": "1000.01", "currency": "EUR"}, "paymentId": "%s"}""".formatted(paymentId))
			.expectStatus()
			.isEqualTo(422);
		api.post("/api/invoices/" + full + "/refunds", """
				{"amount": {"amount": "1000.00", "currency": "EUR"}, "paymentId": "%s"}""".formatted(paymentId))
			.expectStatus()
			.isCreated();
		JsonNode credited = BillingApi.body(api.post("/api/invoices/" + full + "/credit-notes", """
				{"amount": {"amount": "10196.00", "currency": "EUR"}, "reason": "CANCELLED_CARE"}""", "\"2\"")
			.expectStatus()
			.isCreated());

		assertThat(credited.get("status").asString()).isEqualTo("CREDITED");
		String year = number.substring(0, 5);
		assertThat(number).isEqualTo(year + "000001");
		assertThat(credited.get("creditNotes").get(0).get("number").asString()).isEqualTo(year + "000002");
		assertThat(credited.get("balance").get("amount").asString()).isEqualTo("0.00");
		api.post("/api/invoices/" + full + "/credit-notes", """
				{"amount": {"amount": "1.00", "currency": "EUR"}, "reason": "CANCELLED_CARE"}""", "\"2\"")
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void badRequestsAreRefusedAndWriteNothing() {
		InvoiceScenario quote = InvoiceScenario.accepted(api, "en");
		long before = invoices();
		api.post("/api/invoices", """
				{"quoteId": "%s", "kind": "DEPOSIT"}""".formatted(quote.quoteId())).expectStatus().isBadRequest();
		api.post("/api/invoices",
				"""
						{"quoteId": "%s", "kind": "DEPOSIT", "depositAmount": {"amount": "10196.01", "currency": "EUR"}}"""
					.formatted(quote.quoteId()))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "deposit-exceeds-quote");
		api.post("/api/invoices", """
				{"quoteId": "%s", "kind": "FULL", "positions": [3]}""".formatted(quote.quoteId()))
			.expectStatus()
			.isCreated();
		api.post("/api/invoices", """
				{"quoteId": "%s", "kind": "FULL"}""".formatted(quote.quoteId()))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "quote-invoiced");
		api.post("/api/invoices", """
				{"quoteId": "%s", "kind": "FULL"}""".formatted(UUID.randomUUID())).expectStatus().isNotFound();
		assertThat(invoices()).isEqualTo(before + 1);
		assertThat(jdbc.sql("select count(*) from invoice_counter where issuer_id = ?")
			.param(quote.partnerId())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whatWasIssuedCannotBeChangedNorDeletedEvenByTheDatabaseOwner() {
		InvoiceScenario quote = InvoiceScenario.accepted(api, "en");
		String full = quote.issue(api, "FULL", "");
		UUID id = UUID.fromString(full);

		assertThatThrownBy(() -> jdbc.sql("update invoice set total = total + 1 where id = ?").param(id).update())
			.rootCause()
			.hasMessageContaining("issued columns cannot change");
		assertThatThrownBy(() -> jdbc.sql("delete from invoice where id = ?").param(id).update()).rootCause()
			.hasMessageContaining("cannot be deleted");
		assertThatThrownBy(() -> jdbc.sql("update invoice_line set total = 0 where invoice_id = ?").param(id).update())
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(api.get("/api/invoices/" + full).get("totals").get("total").get("amount").asString())
			.isEqualTo("10196.00");
	}

	@Test
	void theInvoiceAsPdfInFrenchAndDutchShowsItsNumberLinesAndTotals() throws IOException {
		for (String language : List.of("fr", "nl")) {
			InvoiceScenario quote = InvoiceScenario.accepted(api, language);
			String id = quote.issue(api, "FULL", "");
			String number = api.get("/api/invoices/" + id).get("number").asString();
			pay(id, "CARD", "acme-pay", "ch_" + id, "3336.00", null).expectStatus().isCreated();
			List<String> lines = pdfText("/api/invoices/" + id + "/pdf");
			if (language.equals("fr")) {
				assertThat(lines).contains("Facture n° " + number, "Montants en EUR", "Total HT 10 160,00 EUR",
						"TVA 36,00 EUR", "Total TTC 10 196,00 EUR", "Pris en charge par les assureurs 6 860,00 EUR",
						"Reste à la charge du patient 3 336,00 EUR", "Payé -3 336,00 EUR", "Solde dû 6 860,00 EUR");
				assertThat(lines).anyMatch(line -> line.endsWith("1 9 800,00 0 9 800,00 6 860,00 2 940,00"));
				assertThat(lines).anyMatch(line -> line.endsWith("3 120,00 10 396,00 0,00 396,00"));
			}
			else {
				assertThat(lines).contains("Factuur nr. " + number, "Bedragen in EUR", "Totaal excl. btw 10.160,00 EUR",
						"Btw 36,00 EUR", "Totaal incl. btw 10.196,00 EUR", "Ten laste van de verzekeraars 6.860,00 EUR",
						"Ten laste van de patiënt 3.336,00 EUR", "Betaald -3.336,00 EUR",
						"Openstaand saldo 6.860,00 EUR");
				assertThat(lines).anyMatch(line -> line.endsWith("1 9.800,00 0 9.800,00 6.860,00 2.940,00"));
			}
		}
	}

	private RestTestClient.ResponseSpec pay(String invoice, String method, String provider, String reference,
			String amount, String insurer) {
		return api.post("/api/invoices/" + invoice + "/payments", """
				{"method": "%s", "provider": "%s", "reference": "%s", "amount": {"amount": "%s", "currency": "EUR"}%s}
				""".formatted(method, provider, reference, amount,
				insurer == null ? "" : ", \"insurerId\": \"" + insurer + "\""));
	}

	private List<String> pdfText(String uri) throws IOException {
		byte[] pdf = http.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document)
				.lines()
				.map(line -> line.replace('\u00A0', ' ').strip())
				.toList();
		}
	}

	private long invoices() {
		return jdbc.sql("select count(*) from invoice").query(Long.class).single();
	}

}
