package care.parcours.scheduling.booking;

import java.util.UUID;

import care.parcours.scheduling.availability.TimeRange;
import org.jspecify.annotations.Nullable;

/**
 * In-process notices of booking changes other features react to in the same transaction.
 */
public final class BookingEvents {

	private BookingEvents() {
	}

	/**
	 * A practitioner's time became free: an appointment cancelled or moved away, a hold
	 * released or lapsed.
	 */
	public record SlotFreed(UUID practitionerId, TimeRange during) {

	}

	/**
	 * A resource other than a practitioner (a room, an interpreter) became free, for as
	 * long as the booking that gave it up held it (its buffers included).
	 */
	public record ResourceFreed(UUID resourceId, TimeRange during) {

	}

	/** A hold became an appointment. */
	public record HoldConfirmed(UUID holdId, @Nullable UUID waitlistEntryId) {

	}

	/** A hold ended without becoming an appointment. */
	public record HoldLapsed(UUID holdId, @Nullable UUID waitlistEntryId) {

	}

}
