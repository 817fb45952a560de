package care.parcours.scheduling.waitlist;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.scheduling.WaitlistOfferMade;
import care.parcours.platform.domain.ConflictException;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.booking.PathwayStep;
import org.jspecify.annotations.Nullable;

/**
 * A patient waiting for a practitioner, or for any practitioner of a specialty
 * (optionally at one partner, speaking one language), within a window.
 *
 * @param id the entry
 * @param patientId who waits
 * @param practitionerId the practitioner waited for, or null for a specialty
 * @param specialty the specialty waited for, when no practitioner is named
 * @param partnerId the partner, for a specialty
 * @param language a language the practitioner must speak, for a specialty
 * @param appointmentType the type of appointment wanted
 * @param mode the mode wanted; null for either
 * @param wanted when the appointment may take place
 * @param step the care pathway step the appointment is for; the hold offered keeps it
 * @param status where the entry stands
 * @param holdId the hold offered, while offered or once fulfilled
 * @param lapsedOffers offers that lapsed unanswered; waiters who let offers lapse go last
 * @param version incremented by every change
 * @param createdAt when the patient joined: first come, first served
 */
public record WaitlistEntry(UUID id, UUID patientId, @Nullable UUID practitionerId, @Nullable String specialty,
		@Nullable UUID partnerId, @Nullable String language, String appointmentType, @Nullable Mode mode,
		TimeRange wanted, @Nullable PathwayStep step, Status status, @Nullable UUID holdId, int lapsedOffers,
		long version, Instant createdAt) {

	/** After this many offers lapse unanswered, the entry ends. */
	static final int MAX_LAPSED_OFFERS = 3;

	public enum Status {

		WAITING, OFFERED, FULFILLED, WITHDRAWN, EXPIRED

	}

	WaitlistOfferMade offer(UUID hold, UUID practitioner, UUID partner, TimeRange slot, Instant expiresAt) {
		return new WaitlistOfferMade(id, hold, patientId, practitioner, partner, slot.start(), slot.end(), expiresAt,
				PathwayStep.stepOf(step));
	}

	WaitlistEntry offered(UUID hold) {
		requireStatus(Status.WAITING, "offered a slot");
		return with(Status.OFFERED, hold, lapsedOffers);
	}

	/**
	 * The offered hold lapsed or was released: back to waiting, behind those who never
	 * let one go.
	 */
	WaitlistEntry lapsed() {
		requireStatus(Status.OFFERED, "returned to waiting");
		int lapses = lapsedOffers + 1;
		return with(lapses >= MAX_LAPSED_OFFERS ? Status.EXPIRED : Status.WAITING, null, lapses);
	}

	WaitlistEntry fulfilled() {
		requireStatus(Status.OFFERED, "fulfilled");
		return with(Status.FULFILLED, holdId, lapsedOffers);
	}

	WaitlistEntry withdrawn() {
		if (status != Status.WAITING && status != Status.OFFERED) {
			throw new ConflictException("invalid-transition",
					"Waiting-list entry " + id + " is " + status + "; it cannot be withdrawn.");
		}
		return with(Status.WITHDRAWN, holdId, lapsedOffers);
	}

	private void requireStatus(Status expected, String change) {
		if (status != expected) {
			throw new ConflictException("invalid-transition",
					"Waiting-list entry " + id + " is " + status + "; it cannot be " + change + ".");
		}
	}

	private WaitlistEntry with(Status next, @Nullable UUID hold, int lapses) {
		return new WaitlistEntry(id, patientId, practitionerId, specialty, partnerId, language, appointmentType, mode,
				wanted, step, next, hold, lapses, version + 1, createdAt);
	}

}
