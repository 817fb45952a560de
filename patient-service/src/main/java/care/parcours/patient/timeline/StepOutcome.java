package care.parcours.patient.timeline;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Where the work made for a step leaves the step, as {@link StepTrack} folds it. */
sealed interface StepOutcome {

	/** Nothing holds time for the step (any hold made for it ended): it is to plan. */
	record Unbooked() implements StepOutcome {

	}

	/**
	 * A hold or an appointment holds time for the step.
	 *
	 * @param source the hold or appointment that does
	 * @param start when, if the news said (a step's first news may be its check-in)
	 * @param checkedIn whether the patient has arrived
	 */
	record Scheduled(UUID source, @Nullable Instant start, boolean checkedIn) implements StepOutcome {

	}

	/** The appointment made for the step took place. */
	record Done(UUID source, Instant at) implements StepOutcome {

	}

	/**
	 * The step's appointment was cancelled or missed and nothing replaced it: the step
	 * still needs one.
	 */
	record Broken(UUID source, Cause cause) implements StepOutcome {

		/** Why, named as the alert it raises. */
		enum Cause {

			APPOINTMENT_CANCELLED("CANCELLED"), APPOINTMENT_NO_SHOW("NO_SHOW");

			private final String reason;

			Cause(String reason) {
				this.reason = reason;
			}

			/** The step's reason for being broken. */
			String reason() {
				return reason;
			}

		}

	}

}
