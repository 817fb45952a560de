package care.parcours.patient.moves;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.parcours.events.patient.PathwayMoveRequested;
import care.parcours.events.scheduling.CascadeApplied;
import care.parcours.events.scheduling.CascadeRefused;
import care.parcours.patient.moves.MoveProblems.MoveNotFound;
import care.parcours.patient.moves.MoveProblems.MovePending;
import care.parcours.patient.pathways.AlertKind;
import care.parcours.patient.pathways.PathwayService;
import care.parcours.patient.pathways.PathwayService.AnchorMove;
import care.parcours.patient.timeline.PathwayLocks;
import care.parcours.patient.timeline.Timeline;
import care.parcours.patient.timeline.TimelineEntry;
import care.parcours.platform.consumer.EventMetadata;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.problem.ConstraintProblems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static care.parcours.patient.timeline.TimelineEntry.details;

/**
 * Moves pathways: the request moves the anchor and the unbooked steps and asks scheduling
 * to move the booked ones, in one transaction; scheduling's answer completes the move.
 * Answers are matched by the move's id and taken once.
 */
@Service
class MoveService {

	private static final Logger log = LoggerFactory.getLogger(MoveService.class);

	private final Moves moves;

	private final PathwayService pathways;

	private final PathwayLocks locks;

	private final Timeline timeline;

	private final Outbox outbox;

	private final Clock clock;

	MoveService(Moves moves, PathwayService pathways, PathwayLocks locks, Timeline timeline, Outbox outbox,
			Clock clock) {
		this.moves = moves;
		this.pathways = pathways;
		this.locks = locks;
		this.timeline = timeline;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** A move asked, and the version it left the pathway at. */
	record Requested(Move move, long pathwayVersion) {

	}

	/**
	 * Moves the anchor of the pathway, on the version the coordinator saw.
	 * @throws MovePending while the pathway's last move awaits scheduling's answer
	 */
	@Transactional
	Requested request(UUID pathwayId, Instant anchor, ExpectedVersion expected, String by) {
		Instant now = clock.instant();
		pathways.get(pathwayId);
		locks.lock(pathwayId);
		moves.pending(pathwayId).ifPresent(pending -> {
			throw new MovePending(pathwayId, pending.id());
		});
		AnchorMove moved = pathways.moveAnchor(pathwayId, anchor, expected, now);
		Optional<MovePlan> plan = MovePlan.of(moved.booked(), moved.previousAnchor(), anchor);
		Move move = Move.request(UUID.randomUUID(), pathwayId, moved.previousAnchor(), anchor, plan, by, now);
		ConstraintProblems.attempting(move);
		moves.add(move);
		String eventId = null;
		if (plan.isPresent()) {
			MovePlan asked = plan.get();
			eventId = outbox
				.publish(
						new PathwayMoveRequested(pathwayId, move.id(), moved.pathway().patientId(),
								asked.root().bookingId(), asked.rootStart(), asked.links()),
						pathwayId, moved.pathway().version(), pathwayId)
				.id();
		}
		timeline.record(new TimelineEntry(UUID.randomUUID(), pathwayId, plan.map(p -> p.root().stepId()).orElse(null),
				"MOVE_REQUESTED", now, now, eventId, (eventId == null) ? null : "patient.pathway.move-requested.v1",
				move.id().toString(), 0, true, null,
				details("previousAnchorAt", move.previousAnchor(), "anchorAt", anchor, "rootAppointmentId",
						plan.map(p -> p.root().bookingId()).orElse(null), "rootStart", move.rootStart(), "bookedSteps",
						move.booked().size(), "status", move.status())));
		return new Requested(move, moved.pathway().version());
	}

	@Transactional(readOnly = true)
	Move get(UUID pathwayId, UUID moveId) {
		return moves.find(moveId)
			.filter(move -> move.pathwayId().equals(pathwayId))
			.orElseThrow(() -> new MoveNotFound(pathwayId, moveId));
	}

	/**
	 * Scheduling moved the booked steps' appointments; their own news moves the steps.
	 */
	@Transactional
	void applied(CascadeApplied answer, EventMetadata metadata) {
		UUID moveId = answer.moveId();
		if (moveId == null) {
			return;
		}
		pendingMove(moveId).ifPresent(move -> {
			Move applied = move.applied(answer.cascadeId(), answer.movedAppointmentIds(), metadata.time());
			moves.answer(applied);
			record(applied, null, "MOVE_APPLIED", metadata, details("cascadeId", answer.cascadeId(), "chainId",
					answer.chainId(), "movedAppointments", answer.movedAppointmentIds().size()));
		});
	}

	/** Nothing moved in scheduling: the step to blame alerts its coordinator. */
	@Transactional
	void refused(CascadeRefused answer, EventMetadata metadata) {
		pendingMove(answer.moveId()).ifPresent(move -> {
			Move refused = move.refused(answer.appointmentId(), answer.reason(), metadata.time());
			moves.answer(refused);
			UUID step = refused.refusal().stepId();
			pathways.raiseAlert(move.pathwayId(), step, AlertKind.MOVE_REFUSED, metadata.time());
			record(refused, step, "MOVE_REFUSED", metadata,
					details("appointmentId", answer.appointmentId(), "reason", answer.reason()));
		});
	}

	/** The move, locked with its pathway, if it awaits an answer; else nothing to do. */
	private Optional<Move> pendingMove(UUID moveId) {
		Optional<Move> found = moves.find(moveId);
		if (found.isEmpty()) {
			log.debug("Scheduling answered move {}, unknown here: ignored", moveId);
			return Optional.empty();
		}
		locks.lock(found.get().pathwayId());
		return moves.find(moveId).filter(move -> move.status() == Move.Status.PENDING);
	}

	private void record(Move move, @Nullable UUID stepId, String what, EventMetadata metadata,
			Map<String, String> details) {
		timeline.record(new TimelineEntry(UUID.randomUUID(), move.pathwayId(), stepId, what, metadata.time(),
				clock.instant(), metadata.id(), metadata.type(), move.id().toString(), 1, true, null, details));
	}

}
