package care.parcours.scheduling.chains;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.scheduling.availability.TimeRange;

/**
 * {@code to} starts {@code offset} after {@code from} starts (before, when negative),
 * give or take {@code tolerance}: a pre-op consult one day before surgery is
 * {@code (surgery, consult,
 * -P1D, PT12H)}.
 *
 * @param from the appointment the rule is measured from
 * @param to the appointment it places
 * @param offset the ideal distance between their starts
 * @param tolerance how far either way the start may stray
 */
public record ChainRule(UUID from, UUID to, Duration offset, Duration tolerance) {

	public ChainRule {
		if (from.equals(to)) {
			throw InvalidRequestException.ofField("rules", "link two different appointments");
		}
		if (tolerance.isNegative()) {
			throw InvalidRequestException.ofField("rules.tolerance", "must not be negative");
		}
	}

	public boolean involves(UUID appointment) {
		return from.equals(appointment) || to.equals(appointment);
	}

	public UUID other(UUID appointment) {
		return from.equals(appointment) ? to : from;
	}

	public boolean isSatisfied(Instant fromStart, Instant toStart) {
		return window(true, fromStart).contains(toStart);
	}

	/**
	 * Where the other appointment may start, given that {@code placed} (one of the two)
	 * starts at {@code start}: the window's end is included, so it is returned one second
	 * longer.
	 */
	public TimeRange windowFor(UUID placed, Instant start) {
		return window(placed.equals(from), start);
	}

	/** The ideal start of the other appointment. */
	public Instant idealFor(UUID placed, Instant start) {
		return placed.equals(from) ? start.plus(offset) : start.minus(offset);
	}

	private TimeRange window(boolean fromPlaced, Instant start) {
		Instant ideal = fromPlaced ? start.plus(offset) : start.minus(offset);
		return new TimeRange(ideal.minus(tolerance), ideal.plus(tolerance).plusSeconds(1));
	}

}
