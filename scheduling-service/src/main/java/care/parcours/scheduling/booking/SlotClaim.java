package care.parcours.scheduling.booking;

import java.util.UUID;

import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;

/**
 * A checked request for a practitioner's time: the practitioner offers the type in the
 * mode, the time lies in the future and within availability, the patient is known.
 *
 * @param practitionerId whose time
 * @param partnerId where the practitioner works
 * @param patientId for whom
 * @param during when
 * @param mode in person or by video
 * @param appointmentType the type code
 */
public record SlotClaim(UUID practitionerId, UUID partnerId, UUID patientId, TimeRange during, Mode mode,
		String appointmentType) {

	/** The same claim at another time, as a move asks for. */
	SlotClaim at(TimeRange to) {
		return new SlotClaim(practitionerId, partnerId, patientId, to, mode, appointmentType);
	}

}
