package care.parcours.patient.timeline;

import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentCheckedIn;
import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.events.scheduling.AppointmentNoShowRecorded;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.events.scheduling.SlotHeld;
import care.parcours.events.scheduling.SlotReleased;
import care.parcours.events.scheduling.WaitlistOfferMade;
import care.parcours.platform.consumer.EventSubscriber;

import org.springframework.stereotype.Component;

/**
 * Scheduling's news of holds, appointments and waiting-list offers, each taken to the
 * step it was made for ({@link StepProgress}); news made for no pathway is dropped at
 * once. A chain's cascades are the moves' business.
 */
@Component
class SchedulingNews implements EventSubscriber {

	private final StepProgress progress;

	SchedulingNews(StepProgress progress) {
		this.progress = progress;
	}

	@Override
	public void subscribe(Subscriptions subscriptions) {
		subscriptions.on(SlotHeld.class, progress::take)
			.on(SlotReleased.class, progress::take)
			.on(AppointmentBooked.class, progress::take)
			.on(AppointmentRescheduled.class, progress::take)
			.on(AppointmentCancelled.class, progress::take)
			.on(AppointmentNoShowRecorded.class, progress::take)
			.on(AppointmentCheckedIn.class, progress::take)
			.on(AppointmentCompleted.class, progress::take)
			.on(WaitlistOfferMade.class, progress::take);
	}

}
