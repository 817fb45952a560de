package care.parcours.patient.timeline;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What another service said about the work made for one step, stripped to what moves the
 * step: the source (the hold or appointment the news is about) and, where it says one,
 * the start. Billing's quotes and invoices will be further facts of their own, each with
 * its source, folded beside these by {@link StepTrack}.
 */
sealed interface StepFact {

	/** The aggregate the news is about, whose version orders its facts. */
	UUID source();

	/** Where the news puts the step's start, when it says. */
	default @Nullable Instant start() {
		return null;
	}

	/** A slot was held for the step. */
	record Held(UUID source, Instant start) implements StepFact {

	}

	/** A hold ended without becoming an appointment: released by hand, or lapsed. */
	record HoldReleased(UUID source) implements StepFact {

	}

	/**
	 * A hold became an appointment; the appointment's booking says the rest (it comes
	 * with the same version when the hold is confirmed in place).
	 */
	record HoldConfirmed(UUID source) implements StepFact {

	}

	/** An appointment was booked, confirming the hold {@code holdId} if there was one. */
	record Booked(UUID source, Instant start, @Nullable UUID holdId) implements StepFact {

	}

	/** The appointment moved to {@code start}. */
	record Rescheduled(UUID source, Instant start) implements StepFact {

	}

	/** The appointment was cancelled. */
	record Cancelled(UUID source, Instant start) implements StepFact {

	}

	/** The patient did not come. */
	record Missed(UUID source, Instant start) implements StepFact {

	}

	/** The patient arrived. */
	record CheckedIn(UUID source) implements StepFact {

	}

	/** The appointment took place. */
	record Completed(UUID source) implements StepFact {

	}

}
