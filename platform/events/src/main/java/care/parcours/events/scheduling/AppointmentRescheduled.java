package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An appointment moved; the new time was taken before the old one was released.
 *
 * @param appointmentId the appointment
 * @param practitionerId with whom
 * @param partnerId where the practitioner works
 * @param patientId for whom
 * @param previousStart the old start (UTC)
 * @param previousEnd the old end (UTC)
 * @param start the new start (UTC)
 * @param end the new end (UTC)
 * @param cascadeId the cascade that moved it with others of its chain, if any
 * @param stepId the care pathway step it was made for, if any (the envelope carries the
 * pathway)
 * @param resources every resource it takes (or took, once ended), its practitioner
 * included, each once; absent from events published before resources other than
 * practitioners could be booked
 */
@EventType("scheduling.appointment.rescheduled.v1")
public record AppointmentRescheduled(UUID appointmentId, UUID practitionerId, UUID partnerId, UUID patientId,
		Instant previousStart, Instant previousEnd, Instant start, Instant end, @Nullable UUID cascadeId,
		@Nullable UUID stepId, @Nullable List<AppointmentResource> resources) implements SchedulingEvent {

	/** The event without its resources, as published before they were named. */
	public AppointmentRescheduled(UUID appointmentId, UUID practitionerId, UUID partnerId, UUID patientId,
			Instant previousStart, Instant previousEnd, Instant start, Instant end, @Nullable UUID cascadeId,
			@Nullable UUID stepId) {
		this(appointmentId, practitionerId, partnerId, patientId, previousStart, previousEnd, start, end, cascadeId,
				stepId, null);
	}

	/** The same event naming the resources it takes. */
	public AppointmentRescheduled withResources(List<AppointmentResource> taken) {
		return new AppointmentRescheduled(appointmentId, practitionerId, partnerId, patientId, previousStart,
				previousEnd, start, end, cascadeId, stepId, List.copyOf(taken));
	}

}
