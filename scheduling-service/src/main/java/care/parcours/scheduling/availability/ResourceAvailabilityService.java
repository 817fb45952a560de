package care.parcours.scheduling.availability;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.retry.RetryOnContention;
import care.parcours.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes the opening hours of rooms, machines and interpreters. The owner's partner
 * edits them, as it edits its practitioners' availability; to another partner the
 * resource does not exist. Appointments already booked are kept, whatever the new hours.
 */
@Service
@RetryOnContention
class ResourceAvailabilityService {

	private final ResourceAvailabilities hours;

	private final Clock clock;

	ResourceAvailabilityService(ResourceAvailabilities hours, Clock clock) {
		this.hours = hours;
		this.clock = clock;
	}

	/**
	 * The hours with the exceptions between two instants at most a year and a day apart,
	 * by default the coming year.
	 */
	ResourceHours get(UUID resourceId, @Nullable Instant from, @Nullable Instant to) {
		return get(resourceId, TimeRange.asked(from, to, clock.instant()));
	}

	ZoneId zoneOf(UUID resourceId) {
		return get(resourceId, upcoming()).zone();
	}

	/**
	 * @param timeZone the zone the caller wrote the rules in, when it says: it must be
	 * the resource's, so that hours meant in another zone are never read in the wrong one
	 */
	@Transactional
	ResourceHours replace(UUID resourceId, @Nullable String timeZone, List<WeeklyRule> rules,
			ExpectedVersion expected) {
		ResourceHours current = get(resourceId, upcoming());
		if (timeZone != null && !zone(timeZone).equals(current.zone())) {
			throw InvalidRequestException.ofField("timeZone",
					"the resource's hours are kept in its zone, " + current.zone().getId());
		}
		WeeklyRule.requireDisjoint(rules);
		String resource = "The opening hours of resource " + resourceId;
		expected.requireCurrent(resource, current.version());
		if (hours.replace(resourceId, rules, expected).isEmpty()) {
			throw StaleVersion.concurrentEdit(resource);
		}
		return get(resourceId, upcoming());
	}

	@Transactional
	ResourceHours except(UUID resourceId, AvailabilityException exception) {
		exception.requireAddable();
		get(resourceId, exception.during());
		hours.add(resourceId, exception, clock.instant());
		return get(resourceId, upcoming());
	}

	@Transactional
	ResourceHours withdraw(UUID resourceId, UUID exceptionId) {
		get(resourceId, upcoming());
		if (!hours.remove(resourceId, exceptionId)) {
			throw new NotFoundException("exception-not-found",
					"Resource " + resourceId + " has no exception " + exceptionId + ".");
		}
		return get(resourceId, upcoming());
	}

	/**
	 * The resource's hours, to a partner only its own: another partner's resource answers
	 * as one that does not exist.
	 */
	private ResourceHours get(UUID resourceId, TimeRange exceptionsWithin) {
		return hours.find(resourceId, exceptionsWithin)
			.filter(found -> Caller.current().maySee(found.partnerId()))
			.orElseThrow(() -> new NotFoundException("resource-schedule-not-found", "No schedule for resource "
					+ resourceId + " (yet: schedules open once partner-service has announced the resource)."));
	}

	private static ZoneId zone(String timeZone) {
		try {
			return ZoneId.of(timeZone);
		}
		catch (java.time.DateTimeException ex) {
			throw InvalidRequestException.ofField("timeZone", "is not a time zone (such as Europe/Paris)");
		}
	}

	private TimeRange upcoming() {
		return TimeRange.upcoming(clock.instant());
	}

}
