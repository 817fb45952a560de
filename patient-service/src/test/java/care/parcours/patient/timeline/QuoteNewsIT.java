package care.parcours.patient.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import care.parcours.events.EventEnvelope;
import care.parcours.events.billing.BillingEvent;
import care.parcours.patient.pathways.PathwayFixtures;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.pathways.PathwayFixtures.alerts;
import static care.parcours.patient.pathways.PathwayFixtures.id;
import static care.parcours.patient.pathways.PathwayFixtures.read;
import static care.parcours.patient.pathways.PathwayFixtures.stepId;
import static care.parcours.patient.pathways.PathwayFixtures.stepOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Billing's news of quotes through the real consumer: each event becomes an entry of its
 * pathway's timeline and moves the step the quote prices (sent: scheduled; accepted:
 * done; turned down or lapsed: broken, a lapsed one with its alert), whatever order it
 * arrives in and however often.
 */
@ParcoursTest
class QuoteNewsIT {

	@Autowired
	RestTestClient http;

	UUID pathway;

	UUID step;

	Instant dueAt;

	QuoteWork work;

	UUID quote = UUID.randomUUID();

	/** When the story happened: an hour apart each, before now. */
	Instant t(int hour) {
		return Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1)).plus(Duration.ofHours(hour));
	}

	@BeforeEach
	void openPathway() {
		Instant anchor = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(20));
		JsonNode opened = PathwayFixtures.opened(http, anchor);
		pathway = id(opened);
		step = stepId(opened, "pre-op");
		dueAt = anchor.minus(Duration.ofDays(1));
		work = QuoteWork.of(pathway, step);
	}

	@Test
	void aQuoteSentSchedulesItsStepAtItsDueDateAndItsAcceptanceMakesItDone() {
		work.publish(work.sent(quote, 1, t(0)), quote, 2, t(0));

		await().untilAsserted(() -> assertThat(status()).isEqualTo("SCHEDULED"));
		JsonNode scheduled = stepOf(read(http, pathway), step);
		assertThat(Instant.parse(scheduled.path("dueAt").asString())).isEqualTo(dueAt);
		assertThat(scheduled.has("bookingId")).as("a quote holds no time").isFalse();

		work.publish(work.accepted(quote, 1, t(1)), quote, 3, t(1));

		await().untilAsserted(() -> assertThat(status()).isEqualTo("DONE"));
		List<JsonNode> timeline = timeline();
		assertThat(timeline).extracting(entry -> entry.path("what").asString())
			.containsExactly("QUOTE_SENT", "QUOTE_ACCEPTED");
		assertThat(timeline).extracting(entry -> entry.path("stepStatus").asString())
			.containsExactly("SCHEDULED", "DONE");
		JsonNode sent = timeline.getFirst();
		assertThat(sent.path("source").asString()).isEqualTo(quote.toString());
		assertThat(sent.path("sourceVersion").asLong()).isEqualTo(2);
		assertThat(sent.path("eventType").asString()).isEqualTo("billing.quote.sent.v1");
		assertThat(sent.path("details").path("quoteVersion").asString()).isEqualTo("1");
		assertThat(sent.path("details").path("totalAmount").asString()).isEqualTo("12450.00");
		assertThat(sent.path("details").path("patientAmount").asString()).isEqualTo("4450.00");
		assertThat(sent.path("details").path("currency").asString()).isEqualTo("EUR");
		assertThat(sent.path("details").has("patientId")).as("ids and codes only, never the patient").isFalse();
	}

	@Test
	void anExpiredQuoteBreaksItsStepWithAnAlertThatTheSystemResolvesWhenANewVersionIsSent() {
		work.publish(work.sent(quote, 1, t(0)), quote, 2, t(0));
		work.publish(work.expired(quote, 1, t(1)), quote, 3, t(1));

		await().untilAsserted(() -> assertThat(status()).isEqualTo("BROKEN"));
		JsonNode expired = read(http, pathway);
		assertThat(stepOf(expired, step).path("reason").asString()).isEqualTo("QUOTE_EXPIRED");
		assertThat(alerts(expired, "QUOTE_EXPIRED")).singleElement().satisfies(alert -> {
			assertThat(alert.path("stepId").asString()).isEqualTo(step.toString());
			assertThat(alert.has("resolvedAt")).isFalse();
		});

		work.publish(work.sent(quote, 2, t(2)), quote, 5, t(2));

		await().untilAsserted(() -> assertThat(status()).isEqualTo("SCHEDULED"));
		assertThat(alerts(read(http, pathway), "QUOTE_EXPIRED")).singleElement().satisfies(alert -> {
			assertThat(alert.path("resolvedBy").asString()).isEqualTo("system");
			assertThat(alert.path("resolution").asString()).isEqualTo("STEP_SCHEDULED");
		});
		assertThat(timeline()).extracting(entry -> entry.path("what").asString())
			.containsExactly("QUOTE_SENT", "QUOTE_EXPIRED", "QUOTE_SENT");
	}

	@Test
	void aRejectedQuoteBreaksItsStepAndRaisesNoAlert() {
		work.publish(work.sent(quote, 1, t(0)), quote, 2, t(0));
		work.publish(work.rejected(quote, 1, t(1)), quote, 3, t(1));

		await().untilAsserted(() -> assertThat(status()).isEqualTo("BROKEN"));
		JsonNode rejected = read(http, pathway);
		assertThat(stepOf(rejected, step).path("reason").asString()).isEqualTo("QUOTE_REJECTED");
		assertThat(rejected.path("alerts")).isEmpty();
		assertThat(timeline()).extracting(entry -> entry.path("what").asString())
			.containsExactly("QUOTE_SENT", "QUOTE_REJECTED");
	}

	@Test
	void quoteNewsArrivingOutOfOrderAndTwiceLeavesTheStepWhereTheStoryEnds() {
		EventEnvelope accepted = work.publish(work.accepted(quote, 2, t(3)), quote, 6, t(3));
		work.publish(work.expired(quote, 1, t(1)), quote, 3, t(1));
		TestEvents.redeliver(accepted, BillingEvent.class);
		work.publish(work.sent(quote, 2, t(2)), quote, 5, t(2));
		work.publish(work.sent(quote, 1, t(0)), quote, 2, t(0));
		work.publish(work.accepted(quote, 2, t(3)), quote, 6, t(3));

		await().untilAsserted(() -> assertThat(timeline()).hasSize(4));
		assertThat(timeline()).extracting(entry -> entry.path("what").asString())
			.containsExactly("QUOTE_SENT", "QUOTE_EXPIRED", "QUOTE_SENT", "QUOTE_ACCEPTED");
		assertThat(timeline()).extracting(entry -> entry.path("applied").asBoolean())
			.as("the acceptance came first: everything older is shown, not applied")
			.containsExactly(false, false, false, true);
		JsonNode read = read(http, pathway);
		assertThat(stepOf(read, step).path("status").asString()).isEqualTo("DONE");
		assertThat(read.path("alerts")).as("the expiry came after the acceptance: no alert").isEmpty();
	}

	@Test
	void anInvoiceAndItsPaymentsAreShownOnTheStepsTimelineAndLeaveTheStepAsItsCareLeftIt() {
		UUID invoice = UUID.randomUUID();
		work.publish(work.sent(quote, 1, t(0)), quote, 2, t(0));
		work.publish(work.accepted(quote, 1, t(1)), quote, 3, t(1));
		await().untilAsserted(() -> assertThat(status()).isEqualTo("DONE"));

		work.publish(work.invoiced(invoice, quote, t(2)), invoice, 1, t(2));
		EventEnvelope paid = work.publish(work.paid(invoice, "4450.00", "8000.00", t(3)), invoice, 2, t(3));
		TestEvents.redeliver(paid, BillingEvent.class);
		work.publish(work.paid(invoice, "8000.00", "0.00", t(4)), invoice, 3, t(4));
		work.publish(work.settled(invoice, t(4)), invoice, 4, t(4));

		await().untilAsserted(() -> assertThat(timeline()).hasSize(6));
		List<JsonNode> timeline = timeline();
		assertThat(timeline).extracting(entry -> entry.path("what").asString())
			.containsExactly("QUOTE_SENT", "QUOTE_ACCEPTED", "INVOICE_ISSUED", "PAYMENT_RECEIVED", "PAYMENT_RECEIVED",
					"INVOICE_SETTLED");
		assertThat(timeline).extracting(entry -> entry.has("stepStatus"))
			.as("money moves no step: its entries change no status")
			.containsExactly(true, true, false, false, false, false);
		JsonNode issued = timeline.get(2);
		assertThat(issued.path("source").asString()).isEqualTo(invoice.toString());
		assertThat(issued.path("details").path("number").asString()).isEqualTo("2026-000042");
		assertThat(issued.path("details").path("patientAmount").asString()).isEqualTo("4450.00");
		assertThat(timeline.get(3).path("details").path("balanceAmount").asString()).isEqualTo("8000.00");
		assertThat(status()).isEqualTo("DONE");
	}

	String status() {
		return stepOf(read(http, pathway), step).path("status").asString();
	}

	/** The pathway's timeline, oldest first. */
	List<JsonNode> timeline() {
		return PathwayFixtures.timeline(http, pathway);
	}

}
