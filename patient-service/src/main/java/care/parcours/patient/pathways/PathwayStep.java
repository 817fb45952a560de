package care.parcours.patient.pathways;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.patient.templates.LocalizedNames;
import care.parcours.patient.templates.OwnerRole;
import care.parcours.patient.templates.StepKind;
import care.parcours.patient.templates.TemplateStep;
import care.parcours.patient.templates.TimeOffset;
import org.jspecify.annotations.Nullable;

/**
 * One step of a pathway: a copy of its template step (so a later version of the template
 * changes nothing here), or a step a coordinator added by hand.
 *
 * @param id the step
 * @param key unique within the pathway, what dependencies name
 * @param kind what it is
 * @param names its name in French, English and Dutch
 * @param status where it stands
 * @param dueAt when it is due: the anchor plus its offset, the booked start once
 * scheduled, or where a coordinator moved it
 * @param offset its offset from the anchor
 * @param tolerance how far from its due date it may land
 * @param anchor whether the other steps are placed around it
 * @param dependsOn the keys of the steps that come first
 * @param ownerRole the role whose work it is
 * @param assigneeId the user it is assigned to, if anyone in particular
 * @param specialty the specialty a booking for it needs
 * @param appointmentType the appointment type a booking for it needs
 * @param bookingId the appointment or hold in scheduling-service made for it
 * @param reason why it was skipped or broke
 * @param addedByHand whether a coordinator added it (not from the template)
 * @param position its place in the list
 * @param changedAt when it last changed
 */
public record PathwayStep(UUID id, String key, StepKind kind, LocalizedNames names, StepStatus status, Instant dueAt,
		TimeOffset offset, TimeOffset tolerance, boolean anchor, List<String> dependsOn, OwnerRole ownerRole,
		@Nullable String assigneeId, @Nullable String specialty, @Nullable String appointmentType,
		@Nullable UUID bookingId, @Nullable String reason, boolean addedByHand, int position, Instant changedAt) {

	public PathwayStep {
		dependsOn = List.copyOf(dependsOn);
	}

	static PathwayStep fromTemplate(UUID id, TemplateStep step, Instant anchorAt, int position, Instant now) {
		return new PathwayStep(id, step.key(), step.kind(), step.names(), StepStatus.PLANNED,
				anchorAt.plus(step.offset().duration()), step.offset(), step.tolerance(), step.anchor(),
				step.dependsOn(), step.ownerRole(), null, step.specialty(), step.appointmentType(), null, null, false,
				position, now);
	}

	/** Still to do: neither done nor skipped. */
	public boolean isOpen() {
		return status.isOpen();
	}

	/** Due, tolerance included, before {@code at}. */
	public boolean isLateAt(Instant at) {
		return dueAt.plus(tolerance.duration()).isBefore(at);
	}

	PathwayStep withStatus(StepStatus next, @Nullable String why, Instant now) {
		return new PathwayStep(id, key, kind, names, next, dueAt, offset, tolerance, anchor, dependsOn, ownerRole,
				assigneeId, specialty, appointmentType, bookingId, why, addedByHand, position, now);
	}

	PathwayStep scheduled(UUID booking, Instant start, Instant now) {
		return new PathwayStep(id, key, kind, names, StepStatus.SCHEDULED, start, offset, tolerance, anchor, dependsOn,
				ownerRole, assigneeId, specialty, appointmentType, booking, null, addedByHand, position, now);
	}

	PathwayStep released(Instant due, Instant now) {
		return new PathwayStep(id, key, kind, names, StepStatus.PLANNED, due, offset, tolerance, anchor, dependsOn,
				ownerRole, assigneeId, specialty, appointmentType, null, null, addedByHand, position, now);
	}

	PathwayStep movedTo(Instant due, StepStatus next, Instant now) {
		return new PathwayStep(id, key, kind, names, next, due, offset, tolerance, anchor, dependsOn, ownerRole,
				assigneeId, specialty, appointmentType, bookingId, reason, addedByHand, position, now);
	}

	PathwayStep assigned(@Nullable String assignee, OwnerRole role, Instant now) {
		return new PathwayStep(id, key, kind, names, status, dueAt, offset, tolerance, anchor, dependsOn, role,
				assignee, specialty, appointmentType, bookingId, reason, addedByHand, position, now);
	}

}
