package care.parcours.events.scheduling;

import care.parcours.events.DomainEvent;
import care.parcours.events.Topic;

/** Every event scheduling-service publishes, on its topic. */
@Topic(SchedulingEvent.TOPIC)
public sealed interface SchedulingEvent extends DomainEvent permits SlotHeld, SlotReleased, AppointmentBooked,
		AppointmentCancelled, AppointmentRescheduled, AppointmentNoShowRecorded, AppointmentCheckedIn,
		AppointmentCompleted, WaitlistOfferMade, CascadeApplied, CascadeRefused {

	String TOPIC = "parcours.scheduling.v1";

}
