package care.parcours.patient.pathways;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import care.parcours.events.patient.PathwayAlertRaised;
import care.parcours.events.patient.PathwayClosed;
import care.parcours.events.patient.PathwayOpened;
import care.parcours.events.patient.PathwayStepChanged;
import care.parcours.events.patient.PatientEvent;
import care.parcours.patient.templates.OwnerRole;
import care.parcours.patient.templates.PathwayTemplate;
import care.parcours.patient.templates.TimeOffset;
import org.jspecify.annotations.Nullable;

/**
 * One patient's pathway for one need. Every change checks the pathway's and the step's
 * status, takes the time (and new ids) as arguments and returns the pathway after it, one
 * version on, with the events it causes: {@code PathwayStepChanged} for each step that
 * changed, {@code PathwayAlertRaised}, {@code PathwayClosed}. A closed or cancelled
 * pathway changes no more.
 *
 * @param id the pathway
 * @param patientId for whom
 * @param templateId the template it was opened from
 * @param templateVersion the version it keeps, whatever is published after
 * @param templateCode the template's code, for lists
 * @param anchorAt the anchor step's date, from which unbooked steps' due dates follow
 * @param coordinatorId the responsible coordinator's user id
 * @param partnerId the partner clinic or hospital, if chosen
 * @param status where it stands
 * @param outcome how it ended, once closed
 * @param statusReason why it is on hold, was closed with open steps, or cancelled
 * @param steps its steps, by position
 * @param alerts its alerts, open and resolved, oldest first
 * @param version incremented by every change
 * @param openedAt when it was opened
 * @param changedAt when it last changed
 * @param endedAt when it was closed or cancelled
 */
public record Pathway(UUID id, UUID patientId, UUID templateId, int templateVersion, String templateCode,
		Instant anchorAt, String coordinatorId, @Nullable UUID partnerId, PathwayStatus status,
		@Nullable Outcome outcome, @Nullable String statusReason, List<PathwayStep> steps, List<PathwayAlert> alerts,
		long version, Instant openedAt, Instant changedAt, @Nullable Instant endedAt) {

	/** Who resolves alerts when an event, not a person, acts. */
	public static final String SYSTEM = "system";

	/** The reason of a pathway ended by its patient's erasure. */
	public static final String PATIENT_ERASED = "PATIENT_ERASED";

	public Pathway {
		steps = List.copyOf(steps);
		alerts = List.copyOf(alerts);
	}

	/** A pathway after a change, and what to announce. */
	public record Change(Pathway pathway, List<PatientEvent> events) {

		public Change {
			events = List.copyOf(events);
		}

	}

	/** Opens a pathway from a template version: every step planned at anchor + offset. */
	public static Change open(UUID id, UUID patientId, PathwayTemplate template, Instant anchorAt, String coordinatorId,
			@Nullable UUID partnerId, Supplier<UUID> stepIds, Instant now) {
		List<PathwayStep> steps = new ArrayList<>();
		for (int position = 0; position < template.steps().size(); position++) {
			steps.add(PathwayStep.fromTemplate(stepIds.get(), template.steps().get(position), anchorAt, position, now));
		}
		Pathway opened = new Pathway(id, patientId, template.id(), template.version(), template.code(), anchorAt,
				coordinatorId, partnerId, PathwayStatus.OPEN, null, null, steps, List.of(), 0, now, now, null);
		List<PatientEvent> events = new ArrayList<>();
		events.add(new PathwayOpened(id, patientId, template.id(), template.version(), partnerId, coordinatorId,
				anchorAt, now));
		steps.forEach(step -> events.add(opened.stepChanged(step)));
		return new Change(opened, events);
	}

	public Optional<PathwayStep> step(UUID stepId) {
		return steps.stream().filter(step -> step.id().equals(stepId)).findFirst();
	}

	public Optional<PathwayStep> step(String key) {
		return steps.stream().filter(step -> step.key().equals(key)).findFirst();
	}

	/** The step an appointment or hold in scheduling-service was made for. */
	public Optional<PathwayStep> stepOfBooking(UUID bookingId) {
		return steps.stream().filter(step -> bookingId.equals(step.bookingId())).findFirst();
	}

	/** Open or on hold. */
	public boolean isActive() {
		return status.isActive();
	}

	public List<PathwayAlert> openAlerts() {
		return alerts.stream().filter(PathwayAlert::isOpen).toList();
	}

	/** The open step due first: what the work list shows. */
	public Optional<PathwayStep> nextStep() {
		return steps.stream()
			.filter(PathwayStep::isOpen)
			.min(Comparator.comparing(PathwayStep::dueAt).thenComparing(PathwayStep::position));
	}

	// ---- by hand ----

	/** Adds a step a coordinator needs beyond the template. */
	public Change addStep(NewStep wanted, UUID stepId, Instant now) {
		requireActive("have a step added");
		String key = wanted.key() != null ? wanted.key()
				: freeKey(wanted.kind().name().toLowerCase().replace('_', '-'));
		if (step(key).isPresent()) {
			throw new PathwayProblems.DuplicateStep(id, key);
		}
		PathwayStep added = new PathwayStep(stepId, key, wanted.kind(), wanted.names(), StepStatus.PLANNED,
				wanted.dueAt(), new TimeOffset(Duration.between(anchorAt, wanted.dueAt())), TimeOffset.ZERO, false,
				wanted.dependsOn(), wanted.ownerRole(), wanted.assigneeId(), wanted.specialty(),
				wanted.appointmentType(), null, null, true, steps.size(), now);
		for (String dependency : added.dependsOn()) {
			PathwayStep before = step(dependency)
				.orElseThrow(() -> new PathwayProblems.UnknownDependency(key, dependency));
			requireAfter(added, wanted.dueAt(), before);
		}
		List<PathwayStep> next = new ArrayList<>(steps);
		next.add(added);
		return new Change(with(next, alerts, now), List.of(stepChanged(added)));
	}

	public Change skipStep(UUID stepId, String reason, String by, Instant now) {
		requireActive("have a step skipped");
		PathwayStep step = openStep(stepId, "skipped");
		return changeStep(step.withStatus(StepStatus.SKIPPED, reason, now), by, "STEP_SKIPPED", now);
	}

	/** Gives the step to someone else, or to another role; what is not named stays. */
	public Change reassignStep(UUID stepId, @Nullable String assigneeId, @Nullable OwnerRole role, Instant now) {
		requireActive("have a step reassigned");
		PathwayStep step = openStep(stepId, "reassigned");
		return changeStep(step.assigned(assigneeId, role != null ? role : step.ownerRole(), now), SYSTEM, null, now);
	}

	/**
	 * Moves an unbooked step's due date; never before a step it depends on, nor after a
	 * step that depends on it. A booked step moves with its appointment.
	 */
	public Change moveStep(UUID stepId, Instant dueAt, Instant now) {
		requireActive("have a step moved");
		PathwayStep step = openStep(stepId, "moved");
		if (step.status() == StepStatus.SCHEDULED) {
			throw new PathwayProblems.InvalidTransition("Step '" + step.key() + "' of pathway " + id
					+ " is booked; reschedule its appointment instead of moving its due date.");
		}
		for (String dependency : step.dependsOn()) {
			step(dependency).ifPresent(before -> requireAfter(step, dueAt, before));
		}
		steps.stream()
			.filter(after -> after.isOpen() && after.dependsOn().contains(step.key()))
			.forEach(after -> requireBefore(step, dueAt, after));
		StepStatus next = step.status() == StepStatus.OVERDUE && !dueAt.isBefore(now) ? StepStatus.PLANNED
				: step.status();
		return changeStep(step.movedTo(dueAt, next, now), SYSTEM, null, now);
	}

	public Change hold(@Nullable String reason, Instant now) {
		if (status != PathwayStatus.OPEN) {
			throw PathwayProblems.InvalidTransition.of(this, "be put on hold");
		}
		return new Change(withStatus(PathwayStatus.ON_HOLD, null, reason, null, alerts, now), List.of());
	}

	public Change resume(Instant now) {
		if (status != PathwayStatus.ON_HOLD) {
			throw PathwayProblems.InvalidTransition.of(this, "be resumed");
		}
		return new Change(withStatus(PathwayStatus.OPEN, null, null, null, alerts, now), List.of());
	}

	/**
	 * Ends the pathway with an outcome. Steps still open need a reason: the coordinator
	 * says why the pathway ends without them. Open alerts are resolved by the closing.
	 */
	public Change close(Outcome result, @Nullable String reason, String by, Instant now) {
		requireActive("be closed");
		List<String> open = steps.stream().filter(PathwayStep::isOpen).map(PathwayStep::key).toList();
		if (!open.isEmpty() && (reason == null || reason.isBlank())) {
			throw new PathwayProblems.OpenStepsRemain(id, open);
		}
		Pathway closed = withStatus(PathwayStatus.CLOSED, result, reason, now, resolveAll(by, "PATHWAY_CLOSED", now),
				now);
		return new Change(closed, List.of(new PathwayClosed(id, PathwayStatus.CLOSED.name(), result.name(), now)));
	}

	public Change cancel(String reason, String by, Instant now) {
		requireActive("be cancelled");
		Pathway cancelled = withStatus(PathwayStatus.CANCELLED, null, reason, now,
				resolveAll(by, "PATHWAY_CANCELLED", now), now);
		return new Change(cancelled, List.of(new PathwayClosed(id, PathwayStatus.CANCELLED.name(), null, now)));
	}

	public Change resolveAlert(UUID alertId, String by, String resolution, Instant now) {
		requireActive("have an alert resolved");
		PathwayAlert alert = alerts.stream()
			.filter(candidate -> candidate.id().equals(alertId))
			.findFirst()
			.orElseThrow(() -> new PathwayProblems.AlertNotFound(id, alertId));
		if (!alert.isOpen()) {
			throw new PathwayProblems.AlertAlreadyResolved(alert);
		}
		return new Change(with(steps, replace(alerts, alertId, a -> a.resolved(by, resolution, now)), now), List.of());
	}

	/**
	 * The patient was erased: an active pathway is cancelled, and no pathway keeps a
	 * coordinator's words (reasons, resolutions), which might speak of the patient. Ids,
	 * codes and dates stay, as the other services' records of the pathway do.
	 */
	public Change forgetPatient(Instant now) {
		List<PathwayStep> bare = steps.stream()
			.map(step -> step.reason() == null ? step : step.withStatus(step.status(), null, now))
			.toList();
		List<PathwayAlert> quiet = alerts.stream()
			.map(alert -> alert.isOpen() ? alert.resolved(SYSTEM, PATIENT_ERASED, now)
					: new PathwayAlert(alert.id(), alert.stepId(), alert.kind(), alert.raisedAt(), alert.resolvedAt(),
							alert.resolvedBy(), null))
			.toList();
		if (!isActive()) {
			return new Change(
					new Pathway(id, patientId, templateId, templateVersion, templateCode, anchorAt, coordinatorId,
							partnerId, status, outcome, null, bare, quiet, version + 1, openedAt, now, endedAt),
					List.of());
		}
		Pathway cancelled = new Pathway(id, patientId, templateId, templateVersion, templateCode, anchorAt,
				coordinatorId, partnerId, PathwayStatus.CANCELLED, null, PATIENT_ERASED, bare, quiet, version + 1,
				openedAt, now, now);
		return new Change(cancelled, List.of(new PathwayClosed(id, PathwayStatus.CANCELLED.name(), null, now)));
	}

	// ---- from other services' events ----

	/**
	 * The step's appointment or hold was made, or moved: the step is scheduled at its
	 * start, and its open alerts are resolved by it.
	 */
	public Change scheduleStep(UUID stepId, UUID bookingId, Instant start, Instant now) {
		requireActive("have a step scheduled");
		PathwayStep step = openStep(stepId, "scheduled");
		if (step.status() == StepStatus.SCHEDULED && bookingId.equals(step.bookingId()) && start.equals(step.dueAt())) {
			throw new PathwayProblems.InvalidTransition(
					"Step '" + step.key() + "' of pathway " + id + " is already scheduled so.");
		}
		return changeStep(step.scheduled(bookingId, start, now), SYSTEM, "STEP_SCHEDULED", now);
	}

	public Change completeStep(UUID stepId, Instant now) {
		return completeStep(stepId, null, now);
	}

	/**
	 * The step is done; when a booking is named, only if the step is still booked with it
	 * (or booked with nothing): a fact about an appointment the step has left behind
	 * changes nothing.
	 */
	public Change completeStep(UUID stepId, @Nullable UUID bookingId, Instant now) {
		requireActive("have a step completed");
		PathwayStep step = openStep(stepId, "completed");
		requireBooking(step, bookingId, "completed");
		return changeStep(step.withStatus(StepStatus.DONE, null, now), SYSTEM, "STEP_DONE", now);
	}

	/** The step's appointment was cancelled or missed while the step is still needed. */
	public Change breakStep(UUID stepId, String reason, Instant now) {
		return breakStep(stepId, null, reason, now);
	}

	/**
	 * As {@link #completeStep(UUID, UUID, Instant)}: only over the booking named, if one
	 * is.
	 */
	public Change breakStep(UUID stepId, @Nullable UUID bookingId, String reason, Instant now) {
		requireActive("have a step broken");
		PathwayStep step = openStep(stepId, "broken");
		if (step.status() == StepStatus.BROKEN) {
			throw PathwayProblems.InvalidTransition.of(this, step, "broken");
		}
		requireBooking(step, bookingId, "broken");
		return changeStep(step.withStatus(StepStatus.BROKEN, reason, now), SYSTEM, null, now);
	}

	/**
	 * The step's hold lapsed or was released (not confirmed): the step is planned again
	 * at the anchor plus its offset, booked with nothing. Only while it is still booked
	 * with that hold: a hold released because it became an appointment finds the step
	 * booked with the appointment already, and changes nothing.
	 */
	public Change releaseStep(UUID stepId, UUID bookingId, Instant now) {
		requireActive("have a step released");
		PathwayStep step = openStep(stepId, "released");
		if (step.status() != StepStatus.SCHEDULED || !bookingId.equals(step.bookingId())) {
			throw new PathwayProblems.InvalidTransition("Step '" + step.key() + "' of pathway " + id
					+ " is not booked with " + bookingId + "; it cannot be released from it.");
		}
		return changeStep(step.released(anchorAt.plus(step.offset().duration()), now), SYSTEM, null, now);
	}

	/**
	 * A planned or broken step past its due date (tolerance included) is overdue, and
	 * alerts.
	 */
	public Change markOverdue(UUID stepId, UUID alertId, Instant now) {
		requireActive("have a step marked overdue");
		PathwayStep step = openStep(stepId, "marked overdue");
		if (step.status() != StepStatus.PLANNED && step.status() != StepStatus.BROKEN) {
			throw PathwayProblems.InvalidTransition.of(this, step, "marked overdue");
		}
		if (!step.isLateAt(now)) {
			throw new PathwayProblems.InvalidTransition("Step '" + step.key() + "' of pathway " + id + " is due at "
					+ step.dueAt() + " (tolerance " + step.tolerance() + "): not overdue at " + now + ".");
		}
		Change overdue = changeStep(step.withStatus(StepStatus.OVERDUE, step.reason(), now), SYSTEM, null, now);
		if (overdue.pathway().hasOpenAlert(stepId, AlertKind.STEP_OVERDUE)) {
			return overdue;
		}
		Change alerted = overdue.pathway().withAlert(alertId, stepId, AlertKind.STEP_OVERDUE, now);
		List<PatientEvent> events = new ArrayList<>(overdue.events());
		events.addAll(alerted.events());
		return new Change(alerted.pathway().withVersion(version + 1), events);
	}

	/** Raises an alert, unless one of the kind is open on the same step (or pathway). */
	public Change raiseAlert(UUID alertId, @Nullable UUID stepId, AlertKind kind, Instant now) {
		requireActive("have an alert raised");
		if (stepId != null && step(stepId).isEmpty()) {
			throw new PathwayProblems.StepNotFound(id, stepId);
		}
		if (hasOpenAlert(stepId, kind)) {
			throw new PathwayProblems.AlertAlreadyOpen(id, stepId, kind);
		}
		return withAlert(alertId, stepId, kind, now);
	}

	public boolean hasOpenAlert(@Nullable UUID stepId, AlertKind kind) {
		return alerts.stream().anyMatch(a -> a.isOpen() && a.kind() == kind && Objects.equals(a.stepId(), stepId));
	}

	/**
	 * The anchor moves (a flight slipped): every unbooked open step is due at the new
	 * anchor plus its offset (an overdue one planned again if that is to come); booked,
	 * done and skipped steps keep their dates, booked ones move with their appointments.
	 */
	public Change moveAnchor(Instant newAnchor, Instant now) {
		requireActive("have its anchor moved");
		List<PathwayStep> next = new ArrayList<>();
		List<PatientEvent> events = new ArrayList<>();
		for (PathwayStep step : steps) {
			if (step.isOpen() && step.status() != StepStatus.SCHEDULED) {
				Instant due = newAnchor.plus(step.offset().duration());
				StepStatus moved = step.status() == StepStatus.OVERDUE && !due.isBefore(now) ? StepStatus.PLANNED
						: step.status();
				if (!due.equals(step.dueAt()) || moved != step.status()) {
					step = step.movedTo(due, moved, now);
					events.add(stepChanged(step));
				}
			}
			next.add(step);
		}
		Pathway moved = new Pathway(id, patientId, templateId, templateVersion, templateCode, newAnchor, coordinatorId,
				partnerId, status, outcome, statusReason, next, alerts, version + 1, openedAt, now, endedAt);
		return new Change(moved, events);
	}

	// ---- the rest ----

	private Change changeStep(PathwayStep changed, String by, @Nullable String resolution, Instant now) {
		List<PathwayAlert> nextAlerts = alerts;
		if (resolution != null) {
			nextAlerts = alerts.stream()
				.map(a -> a.isOpen() && changed.id().equals(a.stepId()) ? a.resolved(by, resolution, now) : a)
				.toList();
		}
		Pathway next = with(replaceStep(changed), nextAlerts, now);
		return new Change(next, List.of(next.stepChanged(changed)));
	}

	private Change withAlert(UUID alertId, @Nullable UUID stepId, AlertKind kind, Instant now) {
		List<PathwayAlert> next = new ArrayList<>(alerts);
		next.add(new PathwayAlert(alertId, stepId, kind, now, null, null, null));
		return new Change(with(steps, next, now),
				List.of(new PathwayAlertRaised(id, alertId, stepId, kind.name(), now)));
	}

	private PathwayStep openStep(UUID stepId, String change) {
		PathwayStep step = step(stepId).orElseThrow(() -> new PathwayProblems.StepNotFound(id, stepId));
		if (!step.isOpen()) {
			throw PathwayProblems.InvalidTransition.of(this, step, change);
		}
		return step;
	}

	private void requireBooking(PathwayStep step, @Nullable UUID bookingId, String change) {
		if (bookingId != null && step.bookingId() != null && !bookingId.equals(step.bookingId())) {
			throw new PathwayProblems.InvalidTransition(
					"Step '" + step.key() + "' of pathway " + id + " is booked with " + step.bookingId() + ", not "
							+ bookingId + "; it cannot be " + change + " by it.");
		}
	}

	private void requireActive(String change) {
		if (!isActive()) {
			throw PathwayProblems.InvalidTransition.of(this, change);
		}
	}

	private void requireAfter(PathwayStep step, Instant due, PathwayStep dependency) {
		if (dependency.status() != StepStatus.SKIPPED && due.isBefore(dependency.dueAt())) {
			throw new PathwayProblems.StepBeforeDependency(step.key(), due, dependency);
		}
	}

	private void requireBefore(PathwayStep step, Instant due, PathwayStep dependent) {
		if (dependent.dueAt().isBefore(due)) {
			throw new PathwayProblems.StepAfterDependent(step.key(), due, dependent);
		}
	}

	private String freeKey(String base) {
		String key = base;
		for (int n = 2; step(key).isPresent(); n++) {
			key = base + "-" + n;
		}
		return key;
	}

	private List<PathwayStep> replaceStep(PathwayStep changed) {
		return steps.stream().map(step -> step.id().equals(changed.id()) ? changed : step).toList();
	}

	private static List<PathwayAlert> replace(List<PathwayAlert> alerts, UUID alertId,
			UnaryOperator<PathwayAlert> change) {
		return alerts.stream().map(a -> a.id().equals(alertId) ? change.apply(a) : a).toList();
	}

	private List<PathwayAlert> resolveAll(String by, String how, Instant now) {
		return alerts.stream().map(a -> a.isOpen() ? a.resolved(by, how, now) : a).toList();
	}

	PathwayStepChanged stepChanged(PathwayStep step) {
		return new PathwayStepChanged(id, step.id(), step.kind().name(), step.status().name(), step.dueAt(),
				step.ownerRole().name(), step.assigneeId(), step.changedAt());
	}

	private Pathway with(List<PathwayStep> nextSteps, List<PathwayAlert> nextAlerts, Instant now) {
		return new Pathway(id, patientId, templateId, templateVersion, templateCode, anchorAt, coordinatorId, partnerId,
				status, outcome, statusReason, nextSteps, nextAlerts, version + 1, openedAt, now, endedAt);
	}

	private Pathway withVersion(long next) {
		return new Pathway(id, patientId, templateId, templateVersion, templateCode, anchorAt, coordinatorId, partnerId,
				status, outcome, statusReason, steps, alerts, next, openedAt, changedAt, endedAt);
	}

	private Pathway withStatus(PathwayStatus next, @Nullable Outcome result, @Nullable String reason,
			@Nullable Instant ended, List<PathwayAlert> nextAlerts, Instant now) {
		return new Pathway(id, patientId, templateId, templateVersion, templateCode, anchorAt, coordinatorId, partnerId,
				next, result, reason, steps, nextAlerts, version + 1, openedAt, now, ended);
	}

}
