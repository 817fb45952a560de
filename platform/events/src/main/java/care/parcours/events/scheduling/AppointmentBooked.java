package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An appointment was booked, directly or by confirming a hold.
 *
 * @param appointmentId the appointment
 * @param practitionerId with whom
 * @param partnerId where the practitioner works
 * @param patientId for whom
 * @param start start (UTC)
 * @param end end (UTC)
 * @param mode {@code IN_PERSON} or {@code TELECONSULTATION}
 * @param appointmentType the appointment type code
 * @param holdId the hold it confirmed, if any
 * @param stepId the care pathway step it was made for, if any (the envelope carries the
 * pathway)
 * @param resources every resource it takes (or took, once ended), its practitioner
 * included, each once; absent from events published before resources other than
 * practitioners could be booked
 */
@EventType("scheduling.appointment.booked.v1")
public record AppointmentBooked(UUID appointmentId, UUID practitionerId, UUID partnerId, UUID patientId, Instant start,
		Instant end, String mode, String appointmentType, @Nullable UUID holdId, @Nullable UUID stepId,
		@Nullable List<AppointmentResource> resources) implements SchedulingEvent {

	/** The event without its resources, as published before they were named. */
	public AppointmentBooked(UUID appointmentId, UUID practitionerId, UUID partnerId, UUID patientId, Instant start,
			Instant end, String mode, String appointmentType, @Nullable UUID holdId, @Nullable UUID stepId) {
		this(appointmentId, practitionerId, partnerId, patientId, start, end, mode, appointmentType, holdId, stepId,
				null);
	}

	/** The same event naming the resources it takes. */
	public AppointmentBooked withResources(List<AppointmentResource> taken) {
		return new AppointmentBooked(appointmentId, practitionerId, partnerId, patientId, start, end, mode,
				appointmentType, holdId, stepId, List.copyOf(taken));
	}

}
