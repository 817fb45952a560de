package care.parcours.billing.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import care.parcours.billing.BillingApi;
import care.parcours.billing.invoices.InvoiceScenario;
import care.parcours.events.billing.BillingEvent;
import care.parcours.test.MutableClock;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import care.parcours.test.WithMutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.test.PublishedEvents.about;
import static care.parcours.test.PublishedEvents.ofType;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment provider's notifications, without a token: recorded once however often they
 * arrive, refused with nothing written when their signature is forged, missing, made with
 * another provider's secret or too old.
 */
@ParcoursTest(properties = {
		"parcours.billing.payment-notifications.providers.acme-pay.secret=" + PaymentNotificationIT.SECRET,
		"parcours.billing.payment-notifications.providers.other-pay.secret=" + PaymentNotificationIT.OTHER })
@WithMutableClock
class PaymentNotificationIT {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	static final String OTHER = "c2Vjb25kLXByb3ZpZGVyLXNlY3JldC0zMi1ieXRlcyE=";

	private static final String PROBLEMS = "https://parcours.care/problems/";

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	BillingApi api;

	String invoice;

	@BeforeEach
	void invoice() {
		api = new BillingApi(http);
		invoice = InvoiceScenario.accepted(api, "en").issue(api, "FULL", "");
	}

	@Test
	void aSignedNotificationRecordsThePaymentOnceHoweverOftenItArrives() {
		String body = notice("pi_" + invoice, "3336.00");
		for (int delivery = 0; delivery < 2; delivery++) {
			signed("acme-pay", SECRET, "msg_1", clock.instant().getEpochSecond(), body).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.recorded")
				.isEqualTo(delivery == 0)
				.jsonPath("$.status")
				.isEqualTo("PARTIALLY_PAID")
				.jsonPath("$.balance.amount")
				.isEqualTo("6860.00");
		}
		assertThat(payments()).isEqualTo(1);
		try (PublishedEvents events = PublishedEvents.on(BillingEvent.TOPIC)) {
			events.await(about(invoice).and(ofType("billing.payment.received.v1")));
			assertThat(events.all(about(invoice).and(ofType("billing.payment.received.v1")))).hasSize(1);
		}
	}

	@Test
	void forgedMissingForeignAndStaleSignaturesAreRefusedWithNothingWritten() {
		long now = clock.instant().getEpochSecond();
		String body = notice("pi_forged_" + invoice, "100.00");
		String tampered = notice("pi_forged_" + invoice, "9100.00");

		signed("acme-pay", SECRET, "msg_2", now, body, tampered).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "signature-invalid");
		signed("acme-pay", OTHER, "msg_2", now, body).expectStatus().isUnauthorized();
		signed("other-pay", SECRET, "msg_2", now, body).expectStatus().isUnauthorized();
		signed("unknown-pay", SECRET, "msg_2", now, body).expectStatus().isUnauthorized();
		signed("acme-pay", SECRET, "msg_2", now - Duration.ofMinutes(6).toSeconds(), body).expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "signature-expired");
		provider().post()
			.uri("/api/payment-notifications/acme-pay")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "signature-missing");

		assertThat(payments()).isZero();
	}

	@Test
	void aSignedNotificationOfMoreThanIsDueIsRefused() {
		signed("acme-pay", SECRET, "msg_3", clock.instant().getEpochSecond(), notice("pi_big_" + invoice, "10196.01"))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(PROBLEMS + "payment-exceeds-balance");
		assertThat(payments()).isZero();
	}

	private RestTestClient.ResponseSpec signed(String provider, String secret, String id, long timestamp, String body) {
		return signed(provider, secret, id, timestamp, body, body);
	}

	/** Signs {@code signedBody} and sends {@code sentBody}: the same unless forged. */
	private RestTestClient.ResponseSpec signed(String provider, String secret, String id, long timestamp,
			String signedBody, String sentBody) {
		byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
		String signature = NotificationSignature.sign(key, id, timestamp, signedBody.getBytes(StandardCharsets.UTF_8));
		return provider().post()
			.uri("/api/payment-notifications/{provider}", provider)
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", "v1,bm90LXRoaXMtb25l " + signature)
			.contentType(MediaType.APPLICATION_JSON)
			.body(sentBody)
			.exchange();
	}

	/** A payment provider: no user token. */
	private RestTestClient provider() {
		return http.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build();
	}

	private String notice(String reference, String amount) {
		return """
				{"invoiceId": "%s", "method": "CARD", "reference": "%s",
				 "amount": {"amount": "%s", "currency": "EUR"}, "receivedAt": "%s"}
				""".formatted(invoice, reference, amount, Instant.parse("2026-11-20T09:00:00Z"));
	}

	private long payments() {
		return jdbc.sql("select count(*) from payment where invoice_id = ?")
			.param(UUID.fromString(invoice))
			.query(Long.class)
			.single();
	}

}
