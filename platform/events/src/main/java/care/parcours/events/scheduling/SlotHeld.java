package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A slot was held for a patient while they decide; the hold lapses at {@code expiresAt}.
 *
 * @param holdId the hold
 * @param practitionerId whose slot
 * @param partnerId where the practitioner works
 * @param patientId for whom
 * @param start start of the slot (UTC)
 * @param end end of the slot (UTC)
 * @param mode {@code IN_PERSON} or {@code TELECONSULTATION}
 * @param appointmentType the appointment type code
 * @param expiresAt when the hold lapses unless confirmed
 * @param stepId the care pathway step it was made for, if any (the envelope carries the
 * pathway)
 * @param resources every resource it takes (or took, once ended), its practitioner
 * included, each once; absent from events published before resources other than
 * practitioners could be booked
 */
@EventType("scheduling.slot.held.v1")
public record SlotHeld(UUID holdId, UUID practitionerId, UUID partnerId, UUID patientId, Instant start, Instant end,
		String mode, String appointmentType, Instant expiresAt, @Nullable UUID stepId,
		@Nullable List<AppointmentResource> resources) implements SchedulingEvent {

	/** The event without its resources, as published before they were named. */
	public SlotHeld(UUID holdId, UUID practitionerId, UUID partnerId, UUID patientId, Instant start, Instant end,
			String mode, String appointmentType, Instant expiresAt, @Nullable UUID stepId) {
		this(holdId, practitionerId, partnerId, patientId, start, end, mode, appointmentType, expiresAt, stepId, null);
	}

	/** The same event naming the resources it takes. */
	public SlotHeld withResources(List<AppointmentResource> taken) {
		return new SlotHeld(holdId, practitionerId, partnerId, patientId, start, end, mode, appointmentType, expiresAt,
				stepId, List.copyOf(taken));
	}

}
