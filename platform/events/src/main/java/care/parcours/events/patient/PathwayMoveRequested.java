package care.parcours.events.patient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A coordinator moved a pathway's anchor (a flight slipped): scheduling-service links the
 * pathway's booked appointments as a chain by {@code links} if they are not linked yet,
 * then reschedules {@code rootAppointmentId} to {@code rootStart} and the rest of the
 * chain with it, all or none, and answers with
 * {@code scheduling.chain.cascade-applied.v1} or
 * {@code scheduling.chain.cascade-refused.v1} carrying the same {@code moveId}.
 *
 * @param pathwayId the pathway
 * @param moveId the move, echoed by the answer
 * @param patientId whose appointments
 * @param rootAppointmentId the booked appointment that moves first
 * @param rootStart where it moves to (UTC)
 * @param links the rules between the pathway's booked appointments
 */
@EventType("patient.pathway.move-requested.v1")
public record PathwayMoveRequested(UUID pathwayId, UUID moveId, UUID patientId, UUID rootAppointmentId,
		Instant rootStart, List<Link> links) implements PatientEvent {

	/**
	 * {@code to} starts {@code offset} after {@code from}, give or take
	 * {@code tolerance}.
	 *
	 * @param from an appointment of the pathway
	 * @param to another appointment of the pathway
	 * @param offset an ISO-8601 duration such as {@code P1D} or {@code -PT2H}
	 * @param tolerance an ISO-8601 duration such as {@code PT12H}
	 */
	public record Link(UUID from, UUID to, String offset, String tolerance) {

	}

}
