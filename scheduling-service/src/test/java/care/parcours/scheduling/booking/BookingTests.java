package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.events.scheduling.SlotReleased;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.InvalidRequestException;
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
		Booking hold = Booking.hold(UUID.randomUUID(), claim, null, NOW, Duration.ofMinutes(15), null).booking();

		Booking.Change confirmed = hold.confirm(NOW.plusSeconds(60), "secret");

		assertThat(confirmed.booking().kind()).isEqualTo(Booking.Kind.APPOINTMENT);
		assertThat(confirmed.booking().status()).isEqualTo(BookingStatus.BOOKED);
		assertThat(confirmed.booking().during()).isEqualTo(hold.during());
		assertThat(confirmed.booking().joinToken()).isEqualTo("secret");
		assertThat(confirmed.events()).hasExactlyElementsOfTypes(SlotReleased.class, AppointmentBooked.class);
	}

	@Test
	void aLapsedHoldCannotBeConfirmed() {
		Booking hold = Booking.hold(UUID.randomUUID(), claim, null, NOW, Duration.ofMinutes(15), null).booking();

		assertThatThrownBy(() -> hold.confirm(NOW.plus(Duration.ofMinutes(15)), "secret"))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("lapsed");
	}

	@Test
	void aHoldCannotExpireBeforeItsTime() {
		Booking hold = Booking.hold(UUID.randomUUID(), claim, null, NOW, Duration.ofMinutes(15), null).booking();

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
		assertThatThrownBy(() -> Booking.hold(UUID.randomUUID(), claim, null, NOW, Duration.ofMinutes(15), null)
			.booking()
			.park(NOW)).isInstanceOf(Booking.InvalidTransition.class);
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

	@Test
	void everyEventOfAHoldMadeForAPathwayStepNamesTheStepThroughTheAppointmentsLife() {
		PathwayStep step = new PathwayStep(UUID.randomUUID(), UUID.randomUUID());
		Booking.Change held = Booking.hold(UUID.randomUUID(), claim, step, NOW, Duration.ofMinutes(15), null);
		Booking hold = held.booking();
		List<SchedulingEvent> events = new ArrayList<>(held.events());

		Booking.Change confirmed = hold.confirm(NOW.plusSeconds(60), "secret");
		events.addAll(confirmed.events());
		Booking.Change moved = confirmed.booking()
			.reschedule(hold.during().shiftedTo(START.plus(Duration.ofDays(1))), NOW, null);
		events.addAll(moved.events());
		Booking.Change parked = moved.booking()
			.park(NOW)
			.reschedule(hold.during().shiftedTo(START.plus(Duration.ofDays(2))), NOW, UUID.randomUUID());
		events.addAll(parked.events());
		Booking.Change arrived = parked.booking().checkIn(START.plus(Duration.ofDays(2)).minusSeconds(600));
		events.addAll(arrived.events());
		events.addAll(arrived.booking().complete(START.plus(Duration.ofDays(2)).plusSeconds(600)).events());
		events.addAll(parked.booking().cancel(CancelReason.OTHER, NOW).events());
		events.addAll(parked.booking().markNoShow(START.plus(Duration.ofDays(2)).plusSeconds(60)).events());
		events.addAll(Booking.hold(UUID.randomUUID(), claim, step, NOW, Duration.ofMinutes(15), null)
			.booking()
			.expire(NOW.plus(Duration.ofMinutes(15)))
			.events());

		assertThat(parked.booking().step()).isEqualTo(step);
		assertThat(parked.booking().pathwayId()).isEqualTo(step.pathwayId());
		assertThat(events).hasSize(10)
			.allSatisfy(event -> assertThat(event).hasFieldOrPropertyWithValue("stepId", step.stepId()));
	}

	@Test
	void aStepNamesItsPathwayAndAPathwayItsStep() {
		UUID pathway = UUID.randomUUID();
		UUID step = UUID.randomUUID();

		assertThat(PathwayStep.requested(null, null)).isEmpty();
		assertThat(PathwayStep.requested(pathway, step)).contains(new PathwayStep(pathway, step));
		assertThatThrownBy(() -> PathwayStep.requested(pathway, null)).isInstanceOfSatisfying(
				InvalidRequestException.class, refused -> assertThat(refused.properties()).isEqualTo(Map.of("errors",
						List.of(Map.of("field", "stepId", "message", "must be given with pathwayId")))));
		assertThatThrownBy(() -> PathwayStep.requested(null, step)).isInstanceOf(InvalidRequestException.class);
	}

	private Booking booked() {
		return Booking.book(UUID.randomUUID(), claim, null, NOW, "token").booking();
	}

}
