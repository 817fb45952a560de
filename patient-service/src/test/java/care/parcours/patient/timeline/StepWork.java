package care.parcours.patient.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.EventEnvelope;
import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentCheckedIn;
import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.events.scheduling.AppointmentNoShowRecorded;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.events.scheduling.AppointmentResource;
import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.events.scheduling.SlotHeld;
import care.parcours.events.scheduling.SlotReleased;
import care.parcours.events.scheduling.WaitlistOfferMade;
import care.parcours.test.TestEvents;
import org.jspecify.annotations.Nullable;

/**
 * Scheduling's side of one step's work, as the tests play it: events about holds and
 * appointments made for the step, published on scheduling's topic with the pathway on the
 * envelope, each at the version and time the test says.
 */
public record StepWork(UUID pathwayId, UUID stepId, UUID patientId, UUID practitionerId, UUID partnerId) {

	static final Duration HOUR = Duration.ofHours(1);

	public static StepWork of(UUID pathwayId, UUID stepId) {
		return new StepWork(pathwayId, stepId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
	}

	public EventEnvelope publish(SchedulingEvent event, UUID subject, long version, Instant time) {
		return TestEvents.publish(event, subject, version, pathwayId, time);
	}

	public SlotHeld held(UUID hold, Instant start) {
		return new SlotHeld(hold, practitionerId, partnerId, patientId, start, start.plus(HOUR), "IN_PERSON", "pre-op",
				start.minus(Duration.ofDays(1)), stepId);
	}

	public SlotReleased released(UUID hold, Instant start, String reason) {
		return new SlotReleased(hold, practitionerId, partnerId, start, start.plus(HOUR), reason, stepId);
	}

	/**
	 * Booked as scheduling-service publishes it since issue 23, naming its resources (an
	 * agency's interpreter besides the practitioner); the other appointment events here
	 * are as published before, without them: the timeline takes both.
	 */
	public AppointmentBooked booked(UUID appointment, Instant start, @Nullable UUID hold) {
		return new AppointmentBooked(appointment, practitionerId, partnerId, patientId, start, start.plus(HOUR),
				"IN_PERSON", "pre-op", hold, stepId)
			.withResources(List.of(new AppointmentResource("practitioner", practitionerId, partnerId),
					new AppointmentResource("interpreter", UUID.randomUUID(), UUID.randomUUID())));
	}

	public AppointmentRescheduled rescheduled(UUID appointment, Instant from, Instant to) {
		return new AppointmentRescheduled(appointment, practitionerId, partnerId, patientId, from, from.plus(HOUR), to,
				to.plus(HOUR), null, stepId);
	}

	public AppointmentCancelled cancelled(UUID appointment, Instant start) {
		return new AppointmentCancelled(appointment, practitionerId, partnerId, patientId, start, start.plus(HOUR),
				"PATIENT_REQUEST", stepId);
	}

	public AppointmentNoShowRecorded missed(UUID appointment, Instant start) {
		return new AppointmentNoShowRecorded(appointment, practitionerId, partnerId, patientId, start, start.plus(HOUR),
				stepId);
	}

	public AppointmentCheckedIn checkedIn(UUID appointment, Instant at) {
		return new AppointmentCheckedIn(appointment, practitionerId, partnerId, patientId, at, stepId);
	}

	public AppointmentCompleted completed(UUID appointment, Instant at) {
		return new AppointmentCompleted(appointment, practitionerId, partnerId, patientId, at, stepId);
	}

	public WaitlistOfferMade offered(UUID entry, UUID hold, Instant start) {
		return new WaitlistOfferMade(entry, hold, patientId, practitionerId, partnerId, start, start.plus(HOUR),
				start.minus(Duration.ofDays(1)), stepId);
	}

}
