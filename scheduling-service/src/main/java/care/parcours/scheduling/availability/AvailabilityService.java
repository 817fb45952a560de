package care.parcours.scheduling.availability;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.retry.RetryOnContention;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes practitioners' availability. A change never drops a booked appointment: it
 * answers with the appointments that now fall outside the availability, for a coordinator
 * to move.
 */
@Service
@RetryOnContention
public class AvailabilityService {

	private final Availabilities availabilities;

	private final BookedAppointments appointments;

	private final RoleChecks roles;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AvailabilityService(Availabilities availabilities, BookedAppointments appointments, RoleChecks roles,
			ApplicationEventPublisher events, Clock clock) {
		this.availabilities = availabilities;
		this.appointments = appointments;
		this.roles = roles;
		this.events = events;
		this.clock = clock;
	}

	/** An availability after a change, and the appointments that no longer fit it. */
	public record Changed(WeeklyAvailability availability, List<BookedAppointment> outside) {

	}

	/**
	 * The availability with the exceptions between two instants at most a year and a day
	 * apart, by default the coming year.
	 */
	public WeeklyAvailability get(UUID practitionerId, @Nullable Instant from, @Nullable Instant to) {
		return get(practitionerId, TimeRange.asked(from, to, clock.instant()));
	}

	public ZoneId zoneOf(UUID practitionerId) {
		return get(practitionerId, upcoming()).zone();
	}

	public WeeklyAvailability get(UUID practitionerId, TimeRange exceptionsWithin) {
		return availabilities.find(practitionerId, exceptionsWithin)
			.orElseThrow(() -> new ScheduleNotFound(practitionerId));
	}

	@Transactional
	public Changed replace(UUID practitionerId, Collection<AppointmentType> types, Collection<WeeklyRule> rules,
			ExpectedVersion expected) {
		WeeklyAvailability current = get(practitionerId, upcoming());
		Set<String> codes = new HashSet<>();
		for (AppointmentType type : types) {
			if (!codes.add(type.code())) {
				throw InvalidRequestException.ofField("appointmentTypes", "lists " + type.code() + " twice");
			}
		}
		for (WeeklyRule rule : rules) {
			if (rule.appointmentTypes() != null && !codes.containsAll(rule.appointmentTypes())) {
				throw InvalidRequestException.ofField("weeklyRules.appointmentTypes",
						"names a type not in appointmentTypes");
			}
		}
		String resource = "The availability of practitioner " + practitionerId;
		expected.requireCurrent(resource, current.version());
		roles.requireFillable(practitionerId, current.partnerId(), types);
		if (availabilities.replace(practitionerId, types, rules, expected).isEmpty()) {
			throw StaleVersion.concurrentEdit(resource);
		}
		events.publishEvent(new AvailabilityOpened(practitionerId));
		return changed(practitionerId);
	}

	@Transactional
	public Changed except(UUID practitionerId, AvailabilityException exception) {
		exception.requireAddable();
		if (exception.reason() == AvailabilityException.Reason.MAINTENANCE) {
			throw InvalidRequestException.ofField("reason", "MAINTENANCE is for rooms and machines");
		}
		WeeklyAvailability current = get(practitionerId, exception.during());
		if (exception.appointmentTypes() != null
				&& !current.types().keySet().containsAll(exception.appointmentTypes())) {
			throw InvalidRequestException.ofField("appointmentTypes", "names a type the practitioner does not offer");
		}
		availabilities.add(practitionerId, exception, clock.instant());
		if (exception.kind() == AvailabilityException.Kind.EXTRA) {
			events.publishEvent(new AvailabilityOpened(practitionerId));
		}
		return changed(practitionerId);
	}

	@Transactional
	public Changed withdraw(UUID practitionerId, UUID exceptionId) {
		AvailabilityException removed = availabilities.remove(practitionerId, exceptionId)
			.orElseThrow(() -> new NotFoundException("exception-not-found",
					"Practitioner " + practitionerId + " has no exception " + exceptionId + "."));
		if (removed.kind() == AvailabilityException.Kind.UNAVAILABLE) {
			events.publishEvent(new AvailabilityOpened(practitionerId));
		}
		return changed(practitionerId);
	}

	private Changed changed(UUID practitionerId) {
		Instant now = clock.instant();
		List<BookedAppointment> upcoming = appointments.upcoming(practitionerId, now);
		TimeRange horizon = upcoming.isEmpty() ? upcoming()
				: new TimeRange(now, upcoming.getLast().during().end().plusSeconds(1));
		WeeklyAvailability availability = get(practitionerId, horizon);
		List<BookedAppointment> outside = upcoming.stream()
			.filter(appointment -> !fits(availability, appointment))
			.toList();
		return new Changed(availability, outside);
	}

	private static boolean fits(WeeklyAvailability availability, BookedAppointment appointment) {
		return availability.type(appointment.appointmentType())
			.map(type -> availability.covers(appointment.during(), type, appointment.mode()))
			.orElse(false);
	}

	/** How far ahead exceptions are shown and appointments checked by default. */
	private TimeRange upcoming() {
		return TimeRange.upcoming(clock.instant());
	}

	/** The practitioner has no schedule here (yet). */
	public static final class ScheduleNotFound extends NotFoundException {

		public ScheduleNotFound(UUID practitionerId) {
			super("schedule-not-found", "No schedule for practitioner " + practitionerId
					+ " (yet: schedules open once partner-service has announced the practitioner).");
		}

	}

}
