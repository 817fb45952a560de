package care.parcours.scheduling.slots;

import java.util.Set;
import java.util.UUID;

import care.parcours.scheduling.availability.Mode;
import org.jspecify.annotations.Nullable;

/**
 * What a coordinator looks for. Every criterion is optional but the period.
 *
 * @param specialty a specialty code the practitioner has
 * @param language an ISO 639-1 code the practitioner speaks
 * @param partnerId the partner the practitioner works for
 * @param practitionerId one practitioner
 * @param country the partner's country (ISO 3166-1 alpha-2)
 * @param city the partner's city, ignoring case
 * @param period when
 * @param modes the modes wanted (any of)
 * @param appointmentType an appointment type code
 * @param durationMinutes the slot length
 */
public record SlotQuery(@Nullable String specialty, @Nullable String language, @Nullable UUID partnerId,
		@Nullable UUID practitionerId, @Nullable String country, @Nullable String city, Period period, Set<Mode> modes,
		@Nullable String appointmentType, @Nullable Integer durationMinutes) {

	public SlotQuery {
		modes = modes.isEmpty() ? Set.of(Mode.values()) : Set.copyOf(modes);
	}

	/** One practitioner's slots of one type. */
	public static SlotQuery of(UUID practitionerId, String appointmentType, Set<Mode> modes, Period period) {
		return new SlotQuery(null, null, null, practitionerId, null, null, period, modes, appointmentType, null);
	}

}
