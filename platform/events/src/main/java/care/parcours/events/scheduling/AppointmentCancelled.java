package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An appointment was cancelled; its time is free again.
 *
 * @param appointmentId the appointment
 * @param practitionerId with whom
 * @param partnerId where the practitioner works
 * @param patientId for whom
 * @param start start (UTC)
 * @param end end (UTC)
 * @param reason a reason code such as {@code PATIENT_REQUEST}; free text stays in
 * scheduling-service
 * @param stepId the care pathway step it was made for, if any (the envelope carries the
 * pathway)
 * @param resources every resource it takes (or took, once ended), its practitioner
 * included, each once; absent from events published before resources other than
 * practitioners could be booked
 */
@EventType("scheduling.appointment.cancelled.v1")
public record AppointmentCancelled(UUID appointmentId, UUID practitionerId, UUID partnerId, UUID patientId,
		Instant start, Instant end, String reason, @Nullable UUID stepId,
		@Nullable List<AppointmentResource> resources) implements SchedulingEvent {

	/** The event without its resources, as published before they were named. */
	public AppointmentCancelled(UUID appointmentId, UUID practitionerId, UUID partnerId, UUID patientId, Instant start,
			Instant end, String reason, @Nullable UUID stepId) {
		this(appointmentId, practitionerId, partnerId, patientId, start, end, reason, stepId, null);
	}

	/** The same event naming the resources it takes. */
	public AppointmentCancelled withResources(List<AppointmentResource> taken) {
		return new AppointmentCancelled(appointmentId, practitionerId, partnerId, patientId, start, end, reason, stepId,
				List.copyOf(taken));
	}

}
