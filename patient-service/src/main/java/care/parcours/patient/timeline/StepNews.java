package care.parcours.patient.timeline;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentCheckedIn;
import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.events.scheduling.AppointmentNoShowRecorded;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.events.scheduling.CascadeApplied;
import care.parcours.events.scheduling.CascadeRefused;
import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.events.scheduling.SlotHeld;
import care.parcours.events.scheduling.SlotReleased;
import care.parcours.events.scheduling.WaitlistOfferMade;
import org.jspecify.annotations.Nullable;

/**
 * A scheduling event made for a step, read for the step's timeline: what happened (a
 * code), the fact that may move the step (none for a waiting-list offer: the hold it
 * places comes with its own event), and the ids, codes and times worth showing. Nothing
 * personal is kept: not even the patient's id, which the pathway knows.
 *
 * @param stepId the step the work was made for
 * @param what what happened, such as {@code APPOINTMENT_BOOKED}
 * @param fact what it means for the step, if anything
 * @param details ids, codes and times, by name
 */
record StepNews(UUID stepId, String what, @Nullable StepFact fact, Map<String, String> details) {

	StepNews {
		details = Map.copyOf(details);
	}

	/**
	 * The news in a scheduling event, if it was made for a step: events of work made for
	 * no step, and a chain's cascades (a move's business), have none.
	 */
	static Optional<StepNews> of(SchedulingEvent event) {
		return Optional.ofNullable(switch (event) {
			case SlotHeld e when e.stepId() != null ->
				new StepNews(e.stepId(), "SLOT_HELD", new StepFact.Held(e.holdId(), e.start()),
						TimelineEntry.details("holdId", e.holdId(), "practitionerId", e.practitionerId(), "partnerId",
								e.partnerId(), "start", e.start(), "end", e.end(), "mode", e.mode(), "appointmentType",
								e.appointmentType(), "expiresAt", e.expiresAt()));
			case SlotReleased e when e.stepId() != null -> new StepNews(e.stepId(), "HOLD_" + e.reason(),
					"CONFIRMED".equals(e.reason()) ? new StepFact.HoldConfirmed(e.holdId())
							: new StepFact.HoldReleased(e.holdId()),
					TimelineEntry.details("holdId", e.holdId(), "practitionerId", e.practitionerId(), "partnerId",
							e.partnerId(), "start", e.start(), "end", e.end(), "reason", e.reason()));
			case AppointmentBooked e when e.stepId() != null -> new StepNews(e.stepId(), "APPOINTMENT_BOOKED",
					new StepFact.Booked(e.appointmentId(), e.start(), e.holdId()),
					TimelineEntry.details("appointmentId", e.appointmentId(), "practitionerId", e.practitionerId(),
							"partnerId", e.partnerId(), "start", e.start(), "end", e.end(), "mode", e.mode(),
							"appointmentType", e.appointmentType(), "holdId", e.holdId()));
			case AppointmentRescheduled e when e.stepId() != null -> new StepNews(e.stepId(), "APPOINTMENT_RESCHEDULED",
					new StepFact.Rescheduled(e.appointmentId(), e.start()),
					TimelineEntry.details("appointmentId", e.appointmentId(), "practitionerId", e.practitionerId(),
							"partnerId", e.partnerId(), "previousStart", e.previousStart(), "start", e.start(), "end",
							e.end(), "cascadeId", e.cascadeId()));
			case AppointmentCancelled e when e.stepId() != null ->
				new StepNews(e.stepId(), "APPOINTMENT_CANCELLED", new StepFact.Cancelled(e.appointmentId(), e.start()),
						TimelineEntry.details("appointmentId", e.appointmentId(), "practitionerId", e.practitionerId(),
								"partnerId", e.partnerId(), "start", e.start(), "end", e.end(), "reason", e.reason()));
			case AppointmentNoShowRecorded e when e.stepId() != null ->
				new StepNews(e.stepId(), "APPOINTMENT_NO_SHOW", new StepFact.Missed(e.appointmentId(), e.start()),
						TimelineEntry.details("appointmentId", e.appointmentId(), "practitionerId", e.practitionerId(),
								"partnerId", e.partnerId(), "start", e.start(), "end", e.end()));
			case AppointmentCheckedIn e when e.stepId() != null ->
				new StepNews(e.stepId(), "APPOINTMENT_CHECKED_IN", new StepFact.CheckedIn(e.appointmentId()),
						TimelineEntry.details("appointmentId", e.appointmentId(), "practitionerId", e.practitionerId(),
								"partnerId", e.partnerId(), "checkedInAt", e.checkedInAt()));
			case AppointmentCompleted e when e.stepId() != null ->
				new StepNews(e.stepId(), "APPOINTMENT_COMPLETED", new StepFact.Completed(e.appointmentId()),
						TimelineEntry.details("appointmentId", e.appointmentId(), "practitionerId", e.practitionerId(),
								"partnerId", e.partnerId(), "completedAt", e.completedAt()));
			case WaitlistOfferMade e when e.stepId() != null -> new StepNews(e.stepId(), "WAITLIST_OFFER_MADE", null,
					TimelineEntry.details("entryId", e.entryId(), "holdId", e.holdId(), "practitionerId",
							e.practitionerId(), "partnerId", e.partnerId(), "start", e.start(), "end", e.end(),
							"expiresAt", e.expiresAt()));
			// Work made for no step, and a chain's cascades, whose answers a move awaits.
			case SlotHeld _, SlotReleased _, AppointmentBooked _, AppointmentRescheduled _, AppointmentCancelled _,
					AppointmentNoShowRecorded _, AppointmentCheckedIn _, AppointmentCompleted _, WaitlistOfferMade _,
					CascadeApplied _, CascadeRefused _ ->
				null;
		});
	}

}
