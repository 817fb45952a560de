package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.events.scheduling.SlotReleased;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingTests {

	private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

	private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

	private final SlotClaim claim = new SlotClaim(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
			TimeRange.of(START, Duration.ofMinutes(30)), Mode.TELECONSULTATION, "consultation");

	@Test
	void aConfirmedHoldBecomesAnAppointmentOnTheSameTimeWithAJoinLink() {
		Booking hold = Booking.hold(UUID.randomUUID(), claim, NOW, Duration.ofMinutes(15), null).booking();

		Booking.Change confirmed = hold.confirm(NOW.plusSeconds(60), "secret");

		assertThat(confirmed.booking().kind()).isEqualTo(Booking.Kind.APPOINTMENT);
		assertThat(confirmed.booking().status()).isEqualTo(BookingStatus.BOOKED);
		assertThat(confirmed.booking().during()).isEqualTo(hold.during());
		assertThat(confirmed.booking().joinToken()).isEqualTo("secret");
		assertThat(confirmed.events()).hasExactlyElementsOfTypes(SlotReleased.class, AppointmentBooked.class);
	}

	@Test
	void aLapsedHoldCannotBeConfirmed() {
		Booking hold = Booking.hold(UUID.randomUUID(), claim, NOW, Duration.ofMinutes(15), null).booking();

		assertThatThrownBy(() -> hold.confirm(NOW.plus(Duration.ofMinutes(15)), "secret"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("lapsed");
	}

	@Test
	void aHoldCannotExpireBeforeItsTime() {
		Booking hold = Booking.hold(UUID.randomUUID(), claim, NOW, Duration.ofMinutes(15), null).booking();

		assertThatThrownBy(() -> hold.expire(NOW.plus(Duration.ofMinutes(14)))).isInstanceOf(ConflictException.class);
		assertThat(hold.expire(NOW.plus(Duration.ofMinutes(15))).booking().status()).isEqualTo(BookingStatus.EXPIRED);
	}

	@Test
	void aCancelledAppointmentSaysWhyWithACodeAndCannotBeCancelledTwice() {
		Booking appointment = booked();

		Booking.Change cancelled = appointment.cancel(CancelReason.TRAVEL_DISRUPTION, NOW);

		assertThat(((AppointmentCancelled) cancelled.events().getFirst()).reason()).isEqualTo("TRAVEL_DISRUPTION");
		assertThatThrownBy(() -> cancelled.booking().cancel(CancelReason.OTHER, NOW))
			.isInstanceOf(Booking.InvalidTransition.class)
			.hasMessageContaining("is CANCELLED");
	}

	@Test
	void reschedulingKeepsTheAppointmentAndReportsBothTimes() {
		Booking appointment = booked();
		TimeRange later = appointment.during().shiftedTo(START.plus(Duration.ofDays(2)));

		Booking.Change moved = appointment.reschedule(later, NOW, null);

		assertThat(moved.booking().id()).isEqualTo(appointment.id());
		assertThat(moved.booking().version()).isEqualTo(appointment.version() + 1);
		AppointmentRescheduled event = (AppointmentRescheduled) moved.events().getFirst();
		assertThat(event.previousStart()).isEqualTo(START);
		assertThat(event.start()).isEqualTo(later.start());
	}

	@Test
	void aCascadeParksAnAppointmentAndBooksItAgainAtItsNewTimeInOneChange() {
		Booking appointment = booked();
		TimeRange later = appointment.during().shiftedTo(START.plus(Duration.ofDays(2)));

		Booking parked = appointment.park(NOW);
		Booking.Change moved = parked.reschedule(later, NOW, UUID.randomUUID());

		assertThat(parked.status()).isEqualTo(BookingStatus.MOVING);
		assertThat(parked.version()).isEqualTo(appointment.version());
		assertThat(moved.booking().status()).isEqualTo(BookingStatus.BOOKED);
		assertThat(moved.booking().version()).isEqualTo(appointment.version() + 1);
		assertThatThrownBy(
				() -> Booking.hold(UUID.randomUUID(), claim, NOW, Duration.ofMinutes(15), null).booking().park(NOW))
			.isInstanceOf(Booking.InvalidTransition.class);
	}

	@Test
	void aBookedAppointmentJoinsOneChainOnly() {
		UUID chain = UUID.randomUUID();
		Booking appointment = booked();

		Booking.Change chained = appointment.inChain(chain);

		assertThat(chained.booking().chainId()).isEqualTo(chain);
		assertThat(chained.booking().version()).isEqualTo(appointment.version() + 1);
		assertThat(chained.events()).isEmpty();
		assertThatThrownBy(() -> chained.booking().inChain(UUID.randomUUID())).isInstanceOf(ConflictException.class)
			.hasMessageContaining("already belongs to chain " + chain);
		assertThatThrownBy(() -> appointment.cancel(CancelReason.OTHER, NOW).booking().inChain(chain))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("not a booked appointment");
	}

	@Test
	void nobodyReschedulesIntoThePast() {
		assertThatThrownBy(
				() -> booked().reschedule(TimeRange.of(NOW.minusSeconds(60), Duration.ofMinutes(30)), NOW, null))
			.isInstanceOf(Booking.TimeInPast.class);
	}

	@Test
	void aNoShowIsRecordedOnlyOnceTheAppointmentHasBegun() {
		Booking appointment = booked();

		assertThatThrownBy(() -> appointment.markNoShow(START.minusSeconds(1)))
			.isInstanceOf(RuleViolationException.class);
		assertThat(appointment.markNoShow(START.plusSeconds(600)).booking().status()).isEqualTo(BookingStatus.NO_SHOW);
	}

	@Test
	void checkInOpensTwoHoursBeforeAndCompletionNeedsIt() {
		Booking appointment = booked();

		assertThatThrownBy(() -> appointment.checkIn(START.minus(Duration.ofHours(3))))
			.isInstanceOf(RuleViolationException.class);
		assertThatThrownBy(() -> appointment.complete(START.plusSeconds(600)))
			.isInstanceOf(Booking.InvalidTransition.class);
		Booking arrived = appointment.checkIn(START.minus(Duration.ofMinutes(20))).booking();
		assertThat(arrived.complete(START.plusSeconds(1800)).booking().status()).isEqualTo(BookingStatus.COMPLETED);
	}

	@Test
	void aStartedAppointmentCannotBeCancelled() {
		assertThatThrownBy(() -> booked().cancel(CancelReason.OTHER, START.plusSeconds(1)))
			.isInstanceOf(RuleViolationException.class)
			.hasMessageContaining("has started");
	}

	private Booking booked() {
		return Booking.book(UUID.randomUUID(), claim, NOW, "token").booking();
	}

}
