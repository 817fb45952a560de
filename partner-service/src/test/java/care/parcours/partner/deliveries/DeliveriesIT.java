package care.parcours.partner.deliveries;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import care.parcours.partner.PartnerFixtures;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link Deliveries} stores of a change {@link Delivery} decided, when the row moved
 * on meanwhile. The endpoint is disabled, so that no dispatcher claims its deliveries.
 */
@ParcoursTest(properties = "parcours.webhooks.allow-loopback=true")
class DeliveriesIT {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private static final Delivery.Retries RETRIES = new Delivery.Retries(3,
			new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5)));

	private static final AttemptResult ACCEPTED = new AttemptResult(AttemptOutcome.DELIVERED, 204, 35, null);

	@Autowired
	Deliveries deliveries;

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAttemptStoredUnderALapsedClaimChangesNothingAndUnderTheCurrentOneIsLogged() {
		UUID endpoint = disabledEndpoint();
		UUID current = UUID.randomUUID();
		Delivery pending = insert(endpoint, "PENDING", current, null);
		Delivery.Attempted attempted = pending.recordAttempt(ACCEPTED, NOW, RETRIES, new Random(1));

		deliveries.save(new Delivery.Claimed(pending, "{}", UUID.randomUUID()), attempted);
		assertThat(reread(pending).status()).as("after a lapsed claim's save").isEqualTo(DeliveryStatus.PENDING);
		assertThat(deliveries.attemptsOf(pending.id())).isEmpty();

		deliveries.save(new Delivery.Claimed(pending, "{}", current), attempted);
		assertThat(reread(pending)).isEqualTo(attempted.delivery());
		assertThat(deliveries.attemptsOf(pending.id())).singleElement()
			.satisfies(attempt -> assertThat(attempt.number()).isEqualTo(1))
			.satisfies(attempt -> assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DELIVERED));
		assertThat(jdbc.sql("select claim from webhook_delivery where id = ?")
			.param(pending.id())
			.query(UUID.class)
			.optional()).isEmpty();
	}

	@Test
	void aDeadLetterReplayedMeanwhileIsNotReplayedAgain() {
		UUID endpoint = disabledEndpoint();
		Delivery dead = insert(endpoint, "DEAD", null, NOW.minusSeconds(60));

		assertThat(deliveries.saveReplayed(dead, dead.replay(NOW))).isTrue();
		assertThat(deliveries.saveReplayed(dead, dead.replay(NOW.plusSeconds(1)))).isFalse();

		assertThat(reread(dead)).isEqualTo(dead.replay(NOW));
	}

	private Delivery insert(UUID endpoint, String status, UUID claim, Instant deadAt) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into webhook_delivery (id, endpoint_id, event_id, event_type, aggregate_id, payload, status,
				                              attempts, next_attempt_at, locked_until, claim, created_at, dead_at)
				values (:id, :endpoint, :event, 'scheduling.appointment.booked.v1', :aggregate, '{}', :status, 1,
				        :due, :lockedUntil, :claim, :created, :deadAt)
				""")
			.param("id", id)
			.param("endpoint", endpoint)
			.param("event", UUID.randomUUID().toString())
			.param("aggregate", UUID.randomUUID().toString())
			.param("status", status)
			.param("due", Timestamp.from(NOW.plus(Duration.ofDays(365))))
			.param("lockedUntil", claim == null ? null : Timestamp.from(NOW.plus(Duration.ofDays(365))))
			.param("claim", claim)
			.param("created", Timestamp.from(NOW.minusSeconds(120)))
			.param("deadAt", deadAt == null ? null : Timestamp.from(deadAt))
			.update();
		return deliveries.find(endpoint, id).orElseThrow();
	}

	private Delivery reread(Delivery delivery) {
		return deliveries.find(delivery.endpointId(), delivery.id()).orElseThrow();
	}

	private UUID disabledEndpoint() {
		UUID partner = PartnerFixtures.clinic(http);
		UUID endpoint = PartnerFixtures.created(http, "/api/partners/{id}/webhooks", Map.of("url",
				"https://93.184.215.14/parcours/hooks", "eventTypes", List.of("scheduling.appointment.booked.v1")),
				partner);
		jdbc.sql("update webhook_endpoint set enabled = false where id = ?").param(endpoint).update();
		return endpoint;
	}

}
