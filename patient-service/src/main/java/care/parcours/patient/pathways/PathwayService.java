package care.parcours.patient.pathways;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import care.parcours.patient.clinical.ClinicalPatients;
import care.parcours.patient.access.AccessAction;
import care.parcours.patient.access.AccessLog;
import care.parcours.patient.access.Accessor;
import care.parcours.patient.consent.PartnerSharing;
import care.parcours.patient.pathways.PathwayProblems.PathwayNotFound;
import care.parcours.patient.templates.OwnerRole;
import care.parcours.patient.templates.PathwayTemplate;
import care.parcours.patient.templates.TemplateCatalog;
import care.parcours.platform.domain.DomainException;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.retry.RetryOnContention;
import care.parcours.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens pathways and changes them, each change one transaction with its events, over the
 * pathway locked and at the version read. Two kinds of callers: people, through the API,
 * who name the version they edited ({@code If-Match}) and get a problem when the rules
 * refuse; and the consumers of other services' events (the timeline), whose changes are
 * facts arriving late or twice: those answer {@link Progress.Ignored} rather than throw
 * when the pathway or step does not take them, so that the consumer's own transaction
 * goes on. A change of the people's that PostgreSQL aborts for a concurrent one (a
 * deadlock over the locked pathway) is tried again; the consumers' are redelivered.
 */
@Service
@RetryOnContention
public class PathwayService {

	private final Pathways pathways;

	private final TemplateCatalog templates;

	private final ClinicalPatients patients;

	private final PartnerSharing sharing;

	private final AccessLog accessLog;

	private final Clock clock;

	PathwayService(Pathways pathways, TemplateCatalog templates, ClinicalPatients patients, PartnerSharing sharing,
			AccessLog accessLog, Clock clock) {
		this.pathways = pathways;
		this.templates = templates;
		this.patients = patients;
		this.sharing = sharing;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/** What a change from an event did. */
	public sealed interface Progress {

		/** The pathway after it; null only when no pathway has the id. */
		@Nullable Pathway pathway();

		/** The change was made and announced. */
		record Applied(Pathway pathway) implements Progress {

		}

		/**
		 * Nothing changed, and why (already so, a status that does not take it, unknown).
		 */
		record Ignored(@Nullable Pathway pathway, String reason) implements Progress {

		}

	}

	/** A step of a pathway due, for the overdue check. */
	public record DueStep(UUID pathwayId, UUID stepId, Instant dueAt) {

	}

	/**
	 * What moving the anchor needs besides: the booked steps, which move only with their
	 * appointments.
	 */
	public record AnchorMove(Pathway pathway, Instant previousAnchor, List<BookedStep> booked) {

	}

	/** A booked step, its appointment (or hold) and its template timing. */
	public record BookedStep(UUID stepId, String key, UUID bookingId, Instant start, Duration offset,
			Duration tolerance, List<String> dependsOn, boolean anchor) {

	}

	/**
	 * Opens a pathway for a registered patient from a template version (the latest when
	 * none is named).
	 * @throws ClinicalPatients.PatientNotFound when no patient has the id
	 * @throws care.parcours.patient.PatientGone when the patient was erased
	 * @throws TemplateCatalog.TemplateNotFound when there is no such template or version
	 */
	@Transactional
	public Pathway open(UUID patientId, UUID templateId, @Nullable Integer templateVersion, Instant anchorAt,
			String coordinatorId, @Nullable UUID partnerId) {
		patients.requireExists(patientId);
		PathwayTemplate template = templates.get(templateId, templateVersion);
		Pathway.Change opened = Pathway.open(UUID.randomUUID(), patientId, template, anchorAt, coordinatorId, partnerId,
				UUID::randomUUID, clock.instant());
		pathways.add(opened);
		return opened.pathway();
	}

	public Optional<Pathway> find(UUID pathwayId) {
		return pathways.find(pathwayId);
	}

	/**
	 * @throws PathwayNotFound when no pathway has the id
	 */
	public Pathway get(UUID pathwayId) {
		return find(pathwayId).orElseThrow(() -> new PathwayNotFound(pathwayId));
	}

	/**
	 * The pathway, if the current caller may read it: staff read all, a partner client
	 * only those at its organisation (others answer as unknown, so ids cannot be probed).
	 * @throws PathwayNotFound otherwise
	 */
	public Pathway readable(UUID pathwayId) {
		Pathway pathway = get(pathwayId);
		if (!Caller.current().maySee(pathway.partnerId())) {
			throw new PathwayNotFound(pathwayId);
		}
		return pathway;
	}

	/**
	 * A partner's read: only a pathway at its organisation (others answer as unknown),
	 * and whether a current consent lets it know whose pathway it is; a read that shows
	 * the patient is a read of their record, and audited as one.
	 */
	@Transactional
	PartnerRead readForPartner(UUID pathwayId, Accessor partner) {
		Pathway pathway = atPartner(pathwayId, Objects.requireNonNull(partner.partnerId(), "a partner client"));
		boolean identityShared = sharing.allows(pathway.patientId(), pathway.partnerId());
		if (identityShared) {
			accessLog.record(pathway.patientId(), partner, AccessAction.PARTNER_READ_PATHWAY, pathway.id());
		}
		return new PartnerRead(pathway, identityShared);
	}

	/**
	 * A pathway at the partner's organisation, without its patient: others answer as
	 * unknown.
	 */
	Pathway atPartner(UUID pathwayId, UUID partnerId) {
		Pathway pathway = get(pathwayId);
		if (!partnerId.equals(pathway.partnerId())) {
			throw new PathwayNotFound(pathwayId);
		}
		return pathway;
	}

	record PartnerRead(Pathway pathway, boolean identityShared) {

	}

	/** The pathway one of whose steps an appointment or hold was made for. */
	public Optional<Pathway> findByBooking(UUID bookingId) {
		return pathways.ofBooking(bookingId).flatMap(pathways::find);
	}

	/** Planned or broken steps of active pathways late at {@code at}, earliest first. */
	public List<DueStep> overdueCandidates(Instant at, int limit) {
		return pathways.dueBefore(at, limit);
	}

	// ---- by people, through the API ----

	@Transactional
	Pathway addStep(UUID id, ExpectedVersion expected, NewStep step) {
		return change(id, expected, pathway -> pathway.addStep(step, UUID.randomUUID(), clock.instant()));
	}

	@Transactional
	Pathway skipStep(UUID id, ExpectedVersion expected, UUID stepId, String reason, String by) {
		return change(id, expected, pathway -> pathway.skipStep(stepId, reason, by, clock.instant()));
	}

	@Transactional
	Pathway reassignStep(UUID id, ExpectedVersion expected, UUID stepId, @Nullable String assigneeId,
			@Nullable OwnerRole role) {
		return change(id, expected, pathway -> pathway.reassignStep(stepId, assigneeId, role, clock.instant()));
	}

	@Transactional
	Pathway moveStep(UUID id, ExpectedVersion expected, UUID stepId, Instant dueAt) {
		return change(id, expected, pathway -> pathway.moveStep(stepId, dueAt, clock.instant()));
	}

	@Transactional
	Pathway hold(UUID id, ExpectedVersion expected, @Nullable String reason) {
		return change(id, expected, pathway -> pathway.hold(reason, clock.instant()));
	}

	@Transactional
	Pathway resume(UUID id, ExpectedVersion expected) {
		return change(id, expected, pathway -> pathway.resume(clock.instant()));
	}

	@Transactional
	Pathway close(UUID id, ExpectedVersion expected, Outcome outcome, @Nullable String reason, String by) {
		return change(id, expected, pathway -> pathway.close(outcome, reason, by, clock.instant()));
	}

	@Transactional
	Pathway cancel(UUID id, ExpectedVersion expected, String reason, String by) {
		return change(id, expected, pathway -> pathway.cancel(reason, by, clock.instant()));
	}

	@Transactional
	Pathway resolveAlert(UUID id, ExpectedVersion expected, UUID alertId, String by, String resolution) {
		return change(id, expected, pathway -> pathway.resolveAlert(alertId, by, resolution, clock.instant()));
	}

	/**
	 * Moves the anchor: unbooked open steps follow it at once; the booked ones are
	 * answered for the caller to move with their appointments.
	 * @throws PathwayNotFound when no pathway has the id
	 * @throws care.parcours.platform.domain.StaleVersion when {@code expected} is not the
	 * current version
	 * @throws PathwayProblems.InvalidTransition when the pathway has ended
	 */
	@Transactional
	public AnchorMove moveAnchor(UUID pathwayId, Instant newAnchor, ExpectedVersion expected, Instant at) {
		Pathway before = locked(pathwayId);
		expected.requireCurrent("Pathway " + pathwayId, before.version());
		Pathway.Change change = before.moveAnchor(newAnchor, at);
		pathways.save(before, change);
		List<BookedStep> booked = change.pathway()
			.steps()
			.stream()
			.filter(PathwayStep::isBooked)
			.map(step -> new BookedStep(step.id(), step.key(), step.bookingId(), step.dueAt(), step.offset().duration(),
					step.tolerance().duration(), step.dependsOn(), step.anchor()))
			.toList();
		return new AnchorMove(change.pathway(), before.anchorAt(), booked);
	}

	// ---- by the consumers of events ----

	/** The step's appointment or hold was made or moved: scheduled at its start. */
	@Transactional
	public Progress scheduleStep(UUID pathwayId, UUID stepId, UUID bookingId, Instant start, Instant at) {
		return apply(pathwayId, pathway -> pathway.scheduleStep(stepId, bookingId, start, at));
	}

	/**
	 * A quote for the step awaits the patient's answer: scheduled, due date unchanged,
	 * booked with nothing; ignored while the step is scheduled.
	 */
	@Transactional
	public Progress awaitQuote(UUID pathwayId, UUID stepId, UUID quoteId, Instant at) {
		return apply(pathwayId, pathway -> pathway.awaitQuote(stepId, quoteId, at));
	}

	@Transactional
	public Progress completeStep(UUID pathwayId, UUID stepId, Instant at) {
		return apply(pathwayId, pathway -> pathway.completeStep(stepId, at));
	}

	/**
	 * Cancelled or missed while still needed; raise the alert that says which with
	 * {@link #raiseAlert}.
	 */
	@Transactional
	public Progress breakStep(UUID pathwayId, UUID stepId, String reason, Instant at) {
		return apply(pathwayId, pathway -> pathway.breakStep(stepId, reason, at));
	}

	/**
	 * Done, if the step is still booked with {@code bookingId} (or with nothing): a late
	 * fact about an appointment the step has left is ignored.
	 */
	@Transactional
	public Progress completeStep(UUID pathwayId, UUID stepId, UUID bookingId, Instant at) {
		return apply(pathwayId, pathway -> pathway.completeStep(stepId, bookingId, at));
	}

	/**
	 * As {@link #breakStep(UUID, UUID, String, Instant)}, if still booked with
	 * {@code bookingId}.
	 */
	@Transactional
	public Progress breakStep(UUID pathwayId, UUID stepId, UUID bookingId, String reason, Instant at) {
		return apply(pathwayId, pathway -> pathway.breakStep(stepId, bookingId, reason, at));
	}

	/**
	 * The step's hold lapsed or was released unconfirmed: planned again at the anchor
	 * plus its offset; ignored unless the step is still booked with that hold.
	 */
	@Transactional
	public Progress releaseStep(UUID pathwayId, UUID stepId, UUID bookingId, Instant at) {
		return apply(pathwayId, pathway -> pathway.releaseStep(stepId, bookingId, at));
	}

	/** Overdue, with its {@code STEP_OVERDUE} alert, if it is late at {@code at}. */
	@Transactional
	public Progress markOverdue(UUID pathwayId, UUID stepId, Instant at) {
		return apply(pathwayId, pathway -> pathway.markOverdue(stepId, UUID.randomUUID(), at));
	}

	/** Raises an alert, unless the same kind is open on the same step (or pathway). */
	@Transactional
	public Progress raiseAlert(UUID pathwayId, @Nullable UUID stepId, AlertKind kind, Instant at) {
		return apply(pathwayId, pathway -> pathway.raiseAlert(UUID.randomUUID(), stepId, kind, at));
	}

	private Pathway change(UUID id, ExpectedVersion expected, Function<Pathway, Pathway.Change> change) {
		Pathway before = locked(id);
		expected.requireCurrent("Pathway " + id, before.version());
		Pathway.Change changed = change.apply(before);
		pathways.save(before, changed);
		return changed.pathway();
	}

	/**
	 * A change the rules may refuse without it being anyone's error: the refusal is the
	 * answer, and nothing is written (the refusal is caught here, inside the transaction,
	 * so that it does not mark the caller's transaction for rollback).
	 */
	private Progress apply(UUID pathwayId, Function<Pathway, Pathway.Change> change) {
		Optional<Pathway> found = pathways.lock(pathwayId);
		if (found.isEmpty()) {
			return new Progress.Ignored(null, "No pathway has the id " + pathwayId + ".");
		}
		Pathway before = found.get();
		Pathway.Change changed;
		try {
			changed = change.apply(before);
		}
		catch (PathwayProblems.InvalidTransition | PathwayProblems.StepNotFound | PathwayProblems.AlertAlreadyOpen ex) {
			return new Progress.Ignored(before, ((DomainException) ex).getMessage());
		}
		pathways.save(before, changed);
		return new Progress.Applied(changed.pathway());
	}

	private Pathway locked(UUID id) {
		return pathways.lock(id).orElseThrow(() -> new PathwayNotFound(id));
	}

}
