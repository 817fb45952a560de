package care.parcours.patient.moves;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.domain.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * A move of a pathway's anchor: pending while scheduling moves the booked steps'
 * appointments as one cascade, then applied or refused, once. A move with nothing booked
 * is applied as soon as it is asked.
 *
 * @param previousAnchor the anchor before
 * @param anchor the anchor after
 * @param booked the booked steps asked to move, the root first
 * @param rootStart where the root's appointment was asked to go
 * @param requestedBy who asked
 * @param answeredAt when scheduling answered (or the request, when nothing was booked)
 * @param cascadeId the cascade that applied it
 * @param movedAppointmentIds the appointments whose time changed
 * @param refusal why it was refused
 */
record Move(UUID id, UUID pathwayId, Status status, Instant previousAnchor, Instant anchor, List<Booked> booked,
		@Nullable Instant rootStart, String requestedBy, Instant requestedAt, @Nullable Instant answeredAt,
		@Nullable UUID cascadeId, List<UUID> movedAppointmentIds, @Nullable Refusal refusal) {

	Move {
		booked = List.copyOf(booked);
		movedAppointmentIds = List.copyOf(movedAppointmentIds);
	}

	enum Status {

		PENDING, APPLIED, REFUSED

	}

	/** A booked step asked to move, with its appointment's start when asked. */
	record Booked(UUID stepId, UUID appointmentId, Instant start) {

	}

	/**
	 * Why scheduling could not move the pathway.
	 *
	 * @param stepId the step that could not move, when one is to blame
	 * @param appointmentId its appointment
	 * @param reason scheduling's code: {@code NO_SLOT}, {@code NOT_BOOKED},
	 * {@code NOT_FOUND}, {@code OTHER_PATIENT}, {@code INVALID_LINKS}
	 */
	record Refusal(@Nullable UUID stepId, @Nullable UUID appointmentId, String reason) {

	}

	static Move request(UUID id, UUID pathwayId, Instant previousAnchor, Instant anchor, Optional<MovePlan> plan,
			String by, Instant now) {
		if (plan.isEmpty()) {
			return new Move(id, pathwayId, Status.APPLIED, previousAnchor, anchor, List.of(), null, by, now, now, null,
					List.of(), null);
		}
		List<Booked> booked = plan.get()
			.booked()
			.stream()
			.map(step -> new Booked(step.stepId(), step.bookingId(), step.start()))
			.toList();
		return new Move(id, pathwayId, Status.PENDING, previousAnchor, anchor, booked, plan.get().rootStart(), by, now,
				null, null, List.of(), null);
	}

	/** Scheduling moved the appointments. */
	Move applied(UUID cascade, List<UUID> moved, Instant at) {
		requirePending();
		return new Move(id, pathwayId, Status.APPLIED, previousAnchor, anchor, booked, rootStart, requestedBy,
				requestedAt, at, cascade, moved, null);
	}

	/** Scheduling moved nothing; the appointment to blame, if one, names the step. */
	Move refused(@Nullable UUID appointmentId, String reason, Instant at) {
		requirePending();
		UUID step = (appointmentId == null) ? null : stepOf(appointmentId).orElse(null);
		return new Move(id, pathwayId, Status.REFUSED, previousAnchor, anchor, booked, rootStart, requestedBy,
				requestedAt, at, null, List.of(), new Refusal(step, appointmentId, reason));
	}

	Optional<UUID> stepOf(UUID appointmentId) {
		return booked.stream().filter(b -> b.appointmentId().equals(appointmentId)).map(Booked::stepId).findFirst();
	}

	private void requirePending() {
		if (status != Status.PENDING) {
			throw new MoveAnswered(this);
		}
	}

	/** Scheduling answers a move once; a second answer changes nothing. */
	static final class MoveAnswered extends ConflictException {

		MoveAnswered(Move move) {
			super("move-answered",
					"Move " + move.id() + " of pathway " + move.pathwayId() + " is " + move.status() + " already.");
		}

	}

}
