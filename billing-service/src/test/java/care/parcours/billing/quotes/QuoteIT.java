package care.parcours.billing.quotes;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import care.parcours.billing.BillingApi;
import care.parcours.events.billing.BillingEvent;
import care.parcours.test.MutableClock;
import care.parcours.test.WithMutableClock;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.test.PublishedEvents.about;
import static care.parcours.test.PublishedEvents.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Quotes through HTTP against the real database and broker: drafted from tariffs, sent,
 * accepted once, superseded, expired by themselves, and refused bad input that writes
 * nothing.
 */
@ParcoursTest(properties = "parcours.billing.expiry-interval=200ms")
@WithMutableClock
class QuoteIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	BillingApi api;

	UUID partner;

	UUID hip;

	UUID hotel;

	UUID interpreter;

	@BeforeEach
	void catalogue() {
		api = new BillingApi(http);
		partner = UUID.randomUUID();
		hip = api.item("MEDICAL_ACT", "CCAM", code());
		hotel = api.item("HOTEL", "PARCOURS", "HOTEL-" + code());
		interpreter = api.item("INTERPRETER", "PARCOURS", "TOLK-" + code());
		api.tariff(hip, partner, "9800.00", "0");
		api.tariff(hotel, partner, "120.00", "10");
	}

	@Test
	void aQuoteIsPricedFromTheTariffsSentAndAcceptedOnceWithItsEventsOnThePathway() {
		UUID pathway = UUID.randomUUID();
		UUID step = UUID.randomUUID();
		JsonNode drafted = BillingApi.body(api.post("/api/quotes", quote(pathway, step, "fr", inDays(20)))
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"0\""));
		String id = drafted.get("id").asString();
		JsonNode version = drafted.get("versions").get(0);
		assertThat(version.get("status").asString()).isEqualTo("DRAFT");
		assertThat(version.get("lines").get(0).get("label").asString()).endsWith("(fr)");
		assertThat(version.get("lines").get(1).get("total").get("amount").asString()).isEqualTo("396.00");
		assertThat(version.get("lines").get(2).get("total").get("amount").asString()).isEqualTo("312.00");
		assertThat(version.get("totals").get("total").get("amount").asString()).isEqualTo("10508.00");

		api.act("/api/quotes/" + id + "/send", "\"0\"")
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"");
		api.act("/api/quotes/" + id + "/versions/1/accept", "\"1\"")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ACCEPTED")
			.jsonPath("$.acceptedVersion")
			.isEqualTo(1);
		// Accepting again, on the version read before the first acceptance, changes
		// nothing.
		api.act("/api/quotes/" + id + "/versions/1/accept", "\"1\"")
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"2\"");

		try (PublishedEvents events = PublishedEvents.on(BillingEvent.TOPIC)) {
			PublishedEvents.Received sent = events.await(about(id).and(ofType("billing.quote.sent.v1")));
			assertThat(sent.envelope().get("pathwayId").asString()).isEqualTo(pathway.toString());
			assertThat(sent.data().get("stepId").asString()).isEqualTo(step.toString());
			assertThat(sent.data().get("totalAmount").asString()).isEqualTo("10508.00");
			events.await(about(id).and(ofType("billing.quote.accepted.v1")));
		}
	}

	@Test
	void changingASentQuoteSupersedesItsVersionWhichCanNoLongerBeAccepted() {
		String id = sent(inDays(20));

		http.put()
			.uri("/api/quotes/{id}", id)
			.header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(terms("en", inDays(25), "2"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.versions[0].status")
			.isEqualTo("SUPERSEDED")
			.jsonPath("$.versions[1].status")
			.isEqualTo("DRAFT")
			.jsonPath("$.versions[1].lines[0].quantity")
			.isEqualTo(2);

		api.act("/api/quotes/" + id + "/versions/1/accept", "\"2\"")
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/quote-version-superseded")
			.jsonPath("$.latestVersion")
			.isEqualTo(2);
	}

	@Test
	void aSentQuoteExpiresByItselfAtTheEndOfItsValidityDateAndCanNoLongerBeAccepted() {
		String validUntil = inDays(3);
		String id = sent(validUntil);

		// The validity date ends at midnight in Paris.
		Instant end = LocalDate.parse(validUntil).plusDays(1).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant();
		clock.advance(Duration.between(clock.instant(), end).plusSeconds(1));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(api.get("/api/quotes/" + id).get("status").asString()).isEqualTo("EXPIRED"));
		api.act("/api/quotes/" + id + "/versions/1/accept", "\"2\"")
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/quote-expired");
		try (PublishedEvents events = PublishedEvents.on(BillingEvent.TOPIC)) {
			events.await(about(id).and(ofType("billing.quote.expired.v1")));
		}
	}

	@Test
	void badLinesCurrenciesAndVatRatesAreRefusedAndWriteNothing() {
		long before = quotes();
		List<String> bad = List.of(line(hip, "0", null), line(hip, "-1", null), line(hotel, "1", "31"),
				line(hip, "1", "20"));
		for (String line : bad) {
			api.post("/api/quotes", quoteWith("EUR", line))
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://parcours.care/problems/validation-failed");
		}
		api.post("/api/quotes", quoteWith("EUX", line(hip, "1", null)))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("currency");
		api.post("/api/quotes", quoteWith("EUR", line(UUID.randomUUID(), "1", null))).expectStatus().isNotFound();
		api.post("/api/quotes", quoteWith("EUR", line(interpreter, "1", null)))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/no-tariff");

		assertThat(quotes()).isEqualTo(before);
	}

	@Test
	void aVersionNotSentCannotBeAcceptedAndAnUnknownOneIsNotFound() {
		String id = BillingApi.body(api.post("/api/quotes", quote(UUID.randomUUID(), null, "en", inDays(20))))
			.get("id")
			.asString();

		api.act("/api/quotes/" + id + "/versions/1/accept", "\"0\"").expectStatus().isEqualTo(409);
		api.act("/api/quotes/" + id + "/versions/3/accept", "\"0\"").expectStatus().isNotFound();
		api.act("/api/quotes/" + id + "/send", "\"5\"")
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version");
	}

	@Test
	void theQuotePdfIsInThePatientsLanguageWithAnIndicativeAmountAtTheRecordedRate() throws IOException {
		String day = inDays(0);
		api.post("/api/exchange-rates", """
				{"base": "EUR", "counter": "MAD", "rate": 10.8125, "date": "%s"}
				""".formatted(day)).expectStatus().isCreated();
		api.post("/api/exchange-rates", """
				{"base": "EUR", "counter": "MAD", "rate": 10.9, "date": "%s"}
				""".formatted(day)).expectStatus().isEqualTo(409);

		List<String> dutch = pdf(withPatientCurrency(quote(UUID.randomUUID(), null, "nl", inDays(20))));
		assertThat(dutch).contains("Bedragen in EUR", "Totaal excl. btw 10.420,00 EUR", "Btw 88,00 EUR",
				"Totaal incl. btw 10.508,00 EUR", "Ten laste van de patiënt 10.508,00 EUR");
		assertThat(dutch)
			.anySatisfy(line -> assertThat(line).startsWith("HOTEL-").endsWith("(nl) 3 120,00 10 396,00 0,00 396,00"));
		assertThat(dutch).anySatisfy(line -> assertThat(line).startsWith(
				"Indicatief bedrag in MAD: 113.617,75 MAD, tegen de koers van 1 EUR = 10,8125 MAD geregistreerd voor "));

		List<String> french = pdf(withPatientCurrency(quote(UUID.randomUUID(), null, "fr", inDays(20))));
		assertThat(french).contains("Montants en EUR", "Total HT 10 420,00 EUR", "TVA 88,00 EUR",
				"Total TTC 10 508,00 EUR", "Reste à la charge du patient 10 508,00 EUR");
		assertThat(french).anySatisfy(line -> assertThat(line).startsWith(
				"Montant indicatif en MAD : 113 617,75 MAD, au taux de 1 EUR = 10,8125 MAD enregistré pour le "));
	}

	@Test
	void withoutTheSettingNoSampleCatalogueIsLoaded() {
		assertThat(jdbc.sql("select count(*) from billable_item where sample").query(Long.class).single()).isZero();
	}

	private String sent(String validUntil) {
		String id = BillingApi.body(api.post("/api/quotes", quote(UUID.randomUUID(), null, "en", validUntil)))
			.get("id")
			.asString();
		api.act("/api/quotes/" + id + "/send", "\"0\"").expectStatus().isOk();
		return id;
	}

	private List<String> pdf(String quote) throws IOException {
		String id = BillingApi.body(api.post("/api/quotes", quote)).get("id").asString();
		byte[] pdf = http.get()
			.uri("/api/quotes/{id}/versions/1/pdf", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectBody()
			.returnResult()
			.getResponseBody();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replace('\u00A0', ' ').lines().map(String::strip).toList();
		}
	}

	private static String withPatientCurrency(String quote) {
		return quote.replace("\"currency\": \"EUR\",", "\"currency\": \"EUR\", \"patientCurrency\": \"MAD\",");
	}

	private long quotes() {
		return jdbc.sql("select count(*) from quote").query(Long.class).single();
	}

	private String quote(UUID pathway, UUID step, String language, String validUntil) {
		return """
				{"patientId": "%s", "partnerId": "%s", "pathwayId": "%s", %s
				 "currency": "EUR", "language": "%s", "validUntil": "%s",
				 "lines": [{"itemId": "%s", "quantity": 1},
				           {"itemId": "%s", "quantity": 3},
				           {"itemId": "%s", "quantity": 4, "unitPrice": {"amount": "65.00", "currency": "EUR"}, "vatRate": 20}]}
				"""
			.formatted(UUID.randomUUID(), partner, pathway, step == null ? "" : "\"stepId\": \"" + step + "\",",
					language, validUntil, hip, hotel, interpreter);
	}

	private String terms(String language, String validUntil, String quantity) {
		return """
				{"currency": "EUR", "language": "%s", "validUntil": "%s",
				 "lines": [{"itemId": "%s", "quantity": %s}]}
				""".formatted(language, validUntil, hotel, quantity);
	}

	private String quoteWith(String currency, String line) {
		return """
				{"patientId": "%s", "partnerId": "%s", "pathwayId": "%s", "currency": "%s", "language": "en",
				 "validUntil": "%s", "lines": [%s]}
				""".formatted(UUID.randomUUID(), partner, UUID.randomUUID(), currency, inDays(20), line);
	}

	private static String line(UUID item, String quantity, String vat) {
		return "{\"itemId\": \"" + item + "\", \"quantity\": " + quantity + (vat == null ? "" : ", \"vatRate\": " + vat)
				+ "}";
	}

	private String inDays(int days) {
		return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Paris")).plusDays(days).toString();
	}

	private static String code() {
		return "Q" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26))
				+ (char) ('A' + (int) (Math.random() * 26)) + String.format("%03d", (int) (Math.random() * 1000));
	}

}
