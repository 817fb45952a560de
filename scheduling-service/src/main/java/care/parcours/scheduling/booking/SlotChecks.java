package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.domain.DomainException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.scheduling.availability.AppointmentType;
import care.parcours.scheduling.availability.Availabilities;
import care.parcours.scheduling.availability.AvailabilityService;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.RequiredRole;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.availability.WeeklyAvailability;
import care.parcours.scheduling.slots.FreeSlot;
import care.parcours.scheduling.slots.SlotSearch;

import org.springframework.stereotype.Component;

/**
 * Turns a request for a practitioner's time into a claim, or refuses it saying why:
 * unknown practitioner or patient, type or mode not offered, a time in the past or
 * outside availability (with the free slots nearby).
 */
@Component
class SlotChecks {

	private final Availabilities availabilities;

	private final SlotSearch slots;

	SlotChecks(Availabilities availabilities, SlotSearch slots) {
		this.availabilities = availabilities;
		this.slots = slots;
	}

	/**
	 * A checked claim with the resources its type needs besides the practitioner, as read
	 * for the check: booking it need not read the type again.
	 */
	record Checked(SlotClaim claim, List<RequiredRole> roles) {

	}

	SlotClaim claim(UUID practitionerId, UUID patientId, Instant start, String appointmentType, Mode mode,
			Instant now) {
		return check(practitionerId, patientId, start, appointmentType, mode, now).claim();
	}

	Checked check(UUID practitionerId, UUID patientId, Instant start, String appointmentType, Mode mode, Instant now) {
		WeeklyAvailability availability = availabilities
			.find(practitionerId, new TimeRange(start.minus(Duration.ofDays(1)), start.plus(Duration.ofDays(2))))
			.orElseThrow(() -> new AvailabilityService.ScheduleNotFound(practitionerId));
		AppointmentType type = availability.type(appointmentType)
			.orElseThrow(() -> new RuleViolationException("appointment-type-not-offered", "Practitioner "
					+ practitionerId + " offers no appointment type " + DomainException.quote(appointmentType) + "."));
		if (!type.offers(mode)) {
			throw new RuleViolationException("mode-not-offered",
					DomainException.quote(appointmentType) + " appointments are not offered " + mode + ".");
		}
		if (!start.isAfter(now)) {
			throw new Booking.TimeInPast(start);
		}
		TimeRange during = TimeRange.of(start, type.duration());
		if (!availability.covers(during, type, mode)) {
			throw new RuleViolationException("outside-availability",
					"Practitioner " + practitionerId + " is not available for '" + appointmentType + "' " + mode
							+ " from " + during.start() + " to " + during.end() + ".",
					Map.of("nearby", nearby(practitionerId, appointmentType, mode, start)));
		}
		return new Checked(
				new SlotClaim(practitionerId, availability.partnerId(), patientId, during, mode, appointmentType),
				type.roles());
	}

	/** Free slots around a time, for a problem document to offer instead. */
	List<Map<String, Object>> nearby(UUID practitionerId, String appointmentType, Mode mode, Instant around) {
		return slots.near(practitionerId, appointmentType, Set.of(mode), around, 3)
			.stream()
			.map(SlotChecks::describe)
			.toList();
	}

	private static Map<String, Object> describe(FreeSlot slot) {
		return Map.of("practitionerId", slot.practitionerId(), "start", slot.during().start().toString(), "end",
				slot.during().end().toString(), "localStart",
				slot.during().start().atZone(slot.zone()).toLocalDateTime().toString(), "timeZone",
				slot.zone().getId());
	}

}
