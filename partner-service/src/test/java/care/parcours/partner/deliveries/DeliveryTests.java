package care.parcours.partner.deliveries;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DeliveryTests {

	private static final Instant CREATED = Instant.parse("2026-12-01T08:00:00Z");

	private static final Instant NOW = CREATED.plusSeconds(60);

	private static final Delivery.Retries RETRIES = new Delivery.Retries(3,
			new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5)));

	private static final AttemptResult ACCEPTED = new AttemptResult(AttemptOutcome.DELIVERED, 204, 35, null);

	private static final AttemptResult REJECTED = new AttemptResult(AttemptOutcome.REJECTED, 500, 80, "HTTP 500");

	@Test
	void anAcceptedAttemptDeliversItAndCountsTheAttempt() {
		Delivery.Attempted attempted = pending(1).recordAttempt(ACCEPTED, NOW, RETRIES, new Random(1));

		Delivery delivered = attempted.delivery();
		assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(delivered.attempts()).isEqualTo(2);
		assertThat(delivered.deliveredAt()).isEqualTo(NOW);
		assertThat(delivered.lastStatusCode()).isEqualTo(204);
		assertThat(delivered.lastLatencyMillis()).isEqualTo(35);
		assertThat(delivered.lastError()).isNull();
		assertThat(attempted.result()).isEqualTo(ACCEPTED);
		assertThat(attempted.at()).isEqualTo(NOW);
	}

	@Test
	void aFailedAttemptBeforeTheLastWaitsForTheBackoffAfterThatManyFailures() {
		Delivery failed = pending(1).recordAttempt(REJECTED, NOW, RETRIES, new Random(7)).delivery();

		assertThat(failed.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(failed.attempts()).isEqualTo(2);
		assertThat(failed.nextAttemptAt()).isBetween(NOW.plusSeconds(10), NOW.plusSeconds(20));
		assertThat(failed.lastStatusCode()).isEqualTo(500);
		assertThat(failed.lastError()).isEqualTo("HTTP 500");
		assertThat(failed.deadAt()).isNull();
	}

	@Test
	void theLastFailedAttemptDeadLettersIt() {
		Delivery dead = pending(2).recordAttempt(REJECTED, NOW, RETRIES, new Random(7)).delivery();

		assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD);
		assertThat(dead.attempts()).isEqualTo(3);
		assertThat(dead.deadAt()).isEqualTo(NOW);
	}

	@Test
	void aPostponedDeliveryIsDueLaterWithoutAnAttemptCounted() {
		Delivery postponed = pending(1).postpone(NOW.plusSeconds(30));

		assertThat(postponed.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
		assertThat(postponed.attempts()).isEqualTo(1);
		assertThat(postponed.status()).isEqualTo(DeliveryStatus.PENDING);
	}

	@Test
	void onlyAPendingDeliveryIsAttemptedOrPostponed() {
		Delivery delivered = pending(0).recordAttempt(ACCEPTED, NOW, RETRIES, new Random(1)).delivery();

		assertThatExceptionOfType(Delivery.NotPending.class)
			.isThrownBy(() -> delivered.recordAttempt(ACCEPTED, NOW, RETRIES, new Random(1)))
			.withMessageContaining("is DELIVERED; it cannot be attempted");
		assertThatExceptionOfType(Delivery.NotPending.class).isThrownBy(() -> delivered.postpone(NOW));
	}

	@Test
	void aReplayedDeadLetterIsDueNowWithAllItsAttemptsAheadAndKeepsItsLastError() {
		Delivery dead = pending(2).recordAttempt(REJECTED, NOW, RETRIES, new Random(7)).delivery();
		Instant later = NOW.plus(Duration.ofDays(1));

		Delivery replayed = dead.replay(later);

		assertThat(replayed.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(replayed.attempts()).isZero();
		assertThat(replayed.nextAttemptAt()).isEqualTo(later);
		assertThat(replayed.deadAt()).isNull();
		assertThat(replayed.lastError()).isEqualTo("HTTP 500");
		assertThat(replayed.id()).isEqualTo(dead.id());
	}

	@Test
	void aPendingOrDeliveredDeliveryIsNotReplayed() {
		Delivery pending = pending(1);
		Delivery delivered = pending.recordAttempt(ACCEPTED, NOW, RETRIES, new Random(1)).delivery();

		assertThatExceptionOfType(Delivery.NotDead.class).isThrownBy(() -> pending.replay(NOW))
			.withMessage("Delivery " + pending.id() + " is PENDING; only dead-lettered deliveries are replayed.");
		assertThatExceptionOfType(Delivery.NotDead.class).isThrownBy(() -> delivered.replay(NOW));
	}

	private static Delivery pending(int attempts) {
		return new Delivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID().toString(),
				"scheduling.appointment.booked.v1", UUID.randomUUID().toString(), DeliveryStatus.PENDING, attempts,
				CREATED, null, null, null, CREATED, null, null);
	}

}
