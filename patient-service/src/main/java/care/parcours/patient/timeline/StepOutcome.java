package care.parcours.patient.timeline;

import java.time.Instant;
import java.util.UUID;

import care.parcours.patient.pathways.AlertKind;
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

	/**
	 * A quote for the step awaits the patient's answer (nothing holds time for it): the
	 * step is scheduled, its due date unchanged.
	 */
	record Quoted(UUID source) implements StepOutcome {

	}

	/** The appointment made for the step took place, or its quote was accepted. */
	record Done(UUID source, Instant at) implements StepOutcome {

	}

	/**
	 * The step's appointment was cancelled or missed, or its quote turned down or lapsed,
	 * and nothing replaced it: the step still needs one.
	 */
	record Broken(UUID source, Cause cause) implements StepOutcome {

		/** Why, and the alert it raises, if any. */
		enum Cause {

			APPOINTMENT_CANCELLED("CANCELLED", AlertKind.APPOINTMENT_CANCELLED),
			APPOINTMENT_NO_SHOW("NO_SHOW", AlertKind.APPOINTMENT_NO_SHOW),
			/** No alert kind fits: the broken step itself shows it, and the timeline. */
			QUOTE_REJECTED("QUOTE_REJECTED", null), QUOTE_EXPIRED("QUOTE_EXPIRED", AlertKind.QUOTE_EXPIRED);

			private final String reason;

			private final @Nullable AlertKind alert;

			Cause(String reason, @Nullable AlertKind alert) {
				this.reason = reason;
				this.alert = alert;
			}

			/** The alert it raises on the step, if any. */
			@Nullable AlertKind alert() {
				return alert;
			}

			/** The step's reason for being broken. */
			String reason() {
				return reason;
			}

		}

	}

}
