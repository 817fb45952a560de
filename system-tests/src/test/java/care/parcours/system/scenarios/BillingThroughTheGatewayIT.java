package care.parcours.system.scenarios;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import care.parcours.local.ServiceName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Billing through the gateway alone, with real tokens: a clinic's prices, a quote sent to
 * the patient and accepted, the deposit invoiced, and the deposit paid by the payment
 * provider's signed notification, which reaches billing-service through the gateway
 * without a token; a forged one is refused and changes nothing.
 */
class BillingThroughTheGatewayIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final String PROBLEMS = "https://parcours.care/problems/";

	private static URI gatewayUrl;

	private static Gateway billing;

	private static Gateway coordinator;

	@BeforeAll
	static void platform() {
		gatewayUrl = Platform.get().url(ServiceName.GATEWAY);
		billing = new Gateway(gatewayUrl, "billing");
		coordinator = billing.as("coordinator");
	}

	@Test
	void aDepositIsQuotedInvoicedAndPaidByTheProvidersSignedNotification() {
		// The clinic joins the network; billing staff record what it charges for a hip
		// replacement and a hotel night, and the patient's national insurance.
		Gateway.Answer partner = coordinator.post("/api/partners", """
				{"name": "Clinique des Tilleuls", "kind": "CLINIC", "country": "FR", "city": "Lille",
				 "timeZone": "Europe/Paris", "specialties": ["orthopaedics"], "languages": ["fr", "en"]}
				""");
		assertThat(partner.status()).isEqualTo(201);
		String partnerId = partner.body().path("id").asString();
		String hip = created(billing.post("/api/catalogue/items", """
				{"kind": "MEDICAL_ACT", "nomenclature": "CCAM", "code": "%s",
				 "labels": {"fr": "Prothèse totale de hanche", "en": "Total hip replacement",
				            "nl": "Totale heupprothese"}}
				""".formatted(ccamCode())));
		String hotel = created(billing.post("/api/catalogue/items", """
				{"kind": "HOTEL", "nomenclature": "PARCOURS", "code": "HOTEL-%s",
				 "labels": {"fr": "Nuit d'hôtel", "en": "Hotel night", "nl": "Hotelnacht"}}
				""".formatted(ccamCode())));
		created(billing.post("/api/catalogue/tariffs", """
				{"itemId": "%s", "partnerId": "%s", "unitPrice": {"amount": "9800.00", "currency": "EUR"},
				 "vatRate": 0, "validFrom": "2000-01-01"}
				""".formatted(hip, partnerId)));
		created(billing.post("/api/catalogue/tariffs", """
				{"itemId": "%s", "partnerId": "%s", "unitPrice": {"amount": "120.00", "currency": "EUR"},
				 "vatRate": 10, "validFrom": "2000-01-01"}
				""".formatted(hotel, partnerId)));
		String patientId = UUID.randomUUID().toString();
		String insurer = created(billing.post("/api/insurers", """
				{"kind": "NATIONAL", "code": "CPAM-%s", "label": "Assurance Maladie", "country": "FR"}
				""".formatted(UUID.randomUUID().toString().substring(0, 8))));
		created(billing.post("/api/coverages", """
				{"patientId": "%s", "insurerId": "%s", "deductible": {"amount": "0.00", "currency": "EUR"},
				 "validFrom": "2000-01-01", "rules": [{"kind": "MEDICAL_ACT", "sharePercent": 70}]}
				""".formatted(patientId, insurer)));

		// The coordinator drafts the quote from the tariffs of the day, sends it, and
		// records the patient's acceptance, each on the version it read.
		Gateway.Answer drafted = coordinator.post("/api/quotes", """
				{"patientId": "%s", "partnerId": "%s", "pathwayId": "%s", "currency": "EUR", "language": "fr",
				 "validUntil": "%s", "lines": [{"itemId": "%s", "quantity": 1}, {"itemId": "%s", "quantity": 3}]}
				""".formatted(patientId, partnerId, UUID.randomUUID(), LocalDate.now(PARIS).plusDays(30), hip, hotel));
		assertThat(drafted.status()).as("%s", drafted.body()).isEqualTo(201);
		String quote = "/api/quotes/" + drafted.body().path("id").asString();
		JsonNode totals = drafted.body().path("versions").path(0).path("totals");
		// 9,800.00 + 3 x 120.00 + 10 % VAT on the nights; the insurer pays 70 % of the
		// act.
		assertThat(totals.path("total").path("amount").asString()).isEqualTo("10196.00");
		assertThat(totals.path("patient").path("amount").asString()).isEqualTo("3336.00");
		Gateway.Answer sent = coordinator.post(quote + "/send", "{}", drafted.etag());
		assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);
		Gateway.Answer stale = coordinator.post(quote + "/versions/1/accept", "{}", drafted.etag());
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body().path("type").asString()).isEqualTo(PROBLEMS + "stale-version");
		Gateway.Answer accepted = coordinator.post(quote + "/versions/1/accept", "{}", sent.etag());
		assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(200);
		assertThat(accepted.body().path("acceptedVersion").asInt()).isEqualTo(1);
		Gateway.Answer quotePdf = coordinator.get(quote + "/versions/1/pdf");
		assertThat(quotePdf.status()).isEqualTo(200);
		assertThat(quotePdf.contentType()).startsWith("application/pdf");

		// Billing issues the 30 % deposit, numbered in the clinic's sequence of the year.
		Gateway.Answer issued = billing.post("/api/invoices", """
				{"quoteId": "%s", "kind": "DEPOSIT", "depositPercent": 30}
				""".formatted(drafted.body().path("id").asString()));
		assertThat(issued.status()).as("%s", issued.body()).isEqualTo(201);
		String invoiceId = issued.body().path("id").asString();
		String invoice = "/api/invoices/" + invoiceId;
		// The first of the year (billing's zone) the clinic issues.
		int year = Instant.parse(issued.body().path("issuedAt").asString()).atZone(PARIS).getYear();
		assertThat(issued.body().path("number").asString()).isEqualTo(year + "-000001");
		assertThat(issued.body().path("status").asString()).isEqualTo("ISSUED");
		String deposit = issued.body().path("totals").path("total").path("amount").asString();
		assertThat(deposit).isEqualTo("3058.80");
		assertThat(issued.body().path("balance").path("amount").asString()).isEqualTo(deposit);
		Gateway.Answer pdf = coordinator.get(invoice + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		// A forged notification (the amount changed after signing) is refused, and the
		// invoice is as it was.
		String provider = "/api/payment-notifications/" + Platform.PAYMENT_PROVIDER;
		String reference = "pi_" + UUID.randomUUID();
		byte[] notice = """
				{"invoiceId": "%s", "method": "CARD", "reference": "%s",
				 "amount": {"amount": "%s", "currency": "EUR"}, "receivedAt": "%s"}
				""".formatted(invoiceId, reference, deposit, Instant.now()).getBytes(StandardCharsets.UTF_8);
		byte[] tampered = new String(notice, StandardCharsets.UTF_8).replace(deposit, "1.00")
			.getBytes(StandardCharsets.UTF_8);
		Gateway.Answer forged = billing.postAnonymously(provider, tampered, signature("msg_forged", notice));
		assertThat(forged.status()).as("%s", forged.body()).isEqualTo(401);
		assertThat(forged.contentType()).startsWith("application/problem+json");
		assertThat(forged.body().path("type").asString()).isEqualTo(PROBLEMS + "signature-invalid");
		Gateway.Answer unchanged = billing.get(invoice);
		assertThat(unchanged.etag()).isEqualTo(issued.etag());
		assertThat(unchanged.body().path("status").asString()).isEqualTo("ISSUED");
		assertThat(unchanged.body().path("payments").isEmpty()).isTrue();

		// The provider's genuine notification, through the gateway without a token, pays
		// the deposit; delivered again, it records nothing more.
		for (int delivery = 0; delivery < 2; delivery++) {
			Gateway.Answer acknowledged = billing.postAnonymously(provider, notice, signature("msg_paid", notice));
			assertThat(acknowledged.status()).as("%s", acknowledged.body()).isEqualTo(200);
			assertThat(acknowledged.body().path("recorded").asBoolean()).isEqualTo(delivery == 0);
			assertThat(acknowledged.body().path("status").asString()).isEqualTo("PAID");
		}

		// The invoice, read through the gateway, is paid: nothing remains due. The
		// notification was recorded before it was answered, so nothing is awaited.
		Gateway.Answer paid = coordinator.get(invoice);
		assertThat(paid.body().path("status").asString()).isEqualTo("PAID");
		assertThat(paid.body().path("balance").path("amount").asString()).isEqualTo("0.00");
		assertThat(paid.body().path("paid").path("amount").asString()).isEqualTo(deposit);
		assertThat(paid.body().path("settledAt").isNull()).isFalse();
		assertThat(paid.body().path("payments")).singleElement().satisfies(payment -> {
			assertThat(payment.path("provider").asString()).isEqualTo(Platform.PAYMENT_PROVIDER);
			assertThat(payment.path("reference").asString()).isEqualTo(reference);
			assertThat(payment.path("method").asString()).isEqualTo("CARD");
		});
	}

	private static String created(Gateway.Answer answer) {
		assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
		return answer.body().path("id").asString();
	}

	/** Four letters and three digits, as CCAM codes are; new for each run. */
	private static String ccamCode() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			code.append((char) ('A' + random.nextInt(26)));
		}
		return code.append("%03d".formatted(random.nextInt(1000))).toString();
	}

	/**
	 * The headers a provider signs its notification with (Standard Webhooks): the base64
	 * HMAC-SHA256 of {@code id.timestamp.} and the body's bytes.
	 */
	private static Map<String, String> signature(String id, byte[] body) {
		long timestamp = Instant.now().getEpochSecond();
		String secret = Platform.PAYMENT_PROVIDER_SECRET.substring("whsec_".length());
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			String signature = Base64.getEncoder().encodeToString(mac.doFinal(body));
			return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp), "webhook-signature",
					"v1," + signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
