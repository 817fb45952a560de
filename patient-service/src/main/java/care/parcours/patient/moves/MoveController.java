package care.parcours.patient.moves;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.patient.pathways.PathwayService;
import care.parcours.patient.timeline.Timeline;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/pathways/{id}")
@Tag(name = "Pathway moves", description = "Moving a whole pathway when its anchor slips (a flight delayed): "
		+ "unbooked steps follow at once, booked ones move with their appointments in scheduling, all or none")
class MoveController {

	private final MoveService moves;

	private final PathwayService pathways;

	private final Timeline timeline;

	MoveController(MoveService moves, PathwayService pathways, Timeline timeline) {
		this.moves = moves;
		this.pathways = pathways;
		this.timeline = timeline;
	}

	record AnchorForm(@NotNull Instant anchorAt) {

	}

	/**
	 * A move and where it stands.
	 *
	 * @param status PENDING while scheduling moves the booked steps' appointments, then
	 * APPLIED or REFUSED
	 * @param steps the booked steps asked to move, the root first
	 * @param rootStart where the root step's appointment was asked to go
	 * @param answeredAt when scheduling answered
	 * @param refusal why nothing moved, and which step could not
	 */
	record MoveView(UUID id, UUID pathwayId, String status, Instant previousAnchorAt, Instant anchorAt,
			List<MovedStep> steps, @Nullable Instant rootStart, String requestedBy, Instant requestedAt,
			@Nullable Instant answeredAt, @Nullable UUID cascadeId, @Nullable Refusal refusal) {

		static MoveView of(Move move, Map<UUID, Instant> starts) {
			List<MovedStep> steps = move.booked()
				.stream()
				.map(booked -> new MovedStep(booked.stepId(), booked.appointmentId(), booked.start(),
						move.movedAppointmentIds().contains(booked.appointmentId()),
						starts.get(booked.appointmentId())))
				.toList();
			Move.Refusal refusal = move.refusal();
			return new MoveView(move.id(), move.pathwayId(), move.status().name(), move.previousAnchor(), move.anchor(),
					steps, move.rootStart(), move.requestedBy(), move.requestedAt(), move.answeredAt(),
					move.cascadeId(), (refusal == null) ? null
							: new Refusal(refusal.stepId(), refusal.appointmentId(), refusal.reason()));
		}

	}

	/**
	 * A booked step of the move.
	 *
	 * @param previousStart its appointment's start when the move was asked
	 * @param moved whether scheduling moved its appointment
	 * @param start its appointment's start as last heard from scheduling
	 */
	record MovedStep(UUID stepId, UUID appointmentId, Instant previousStart, boolean moved, @Nullable Instant start) {

	}

	/**
	 * Why scheduling moved nothing.
	 *
	 * @param stepId the step that could not move, when one is to blame
	 * @param reason NO_SLOT, NOT_BOOKED, NOT_FOUND, OTHER_PATIENT or INVALID_LINKS
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "MoveRefusal")
	record Refusal(@Nullable UUID stepId, @Nullable UUID appointmentId, String reason) {

	}

	@PostMapping("/anchor")
	@ApiResponse(responseCode = "202", description = "Accepted: the move, PENDING while scheduling moves the booked "
			+ "steps (APPLIED at once when none is booked); Location names it, ETag is the pathway's new version",
			useReturnTypeSchema = true)
	@Operation(summary = "Move a pathway's anchor",
			description = "On the version named by If-Match: the anchor moves, and every step not booked, done or "
					+ "skipped is due at the new anchor plus its offset, at once. When steps are booked, scheduling "
					+ "is asked (patient.pathway.move-requested.v1) to move their appointments as one chain, all or "
					+ "none: the booked step nearest the anchor by the anchor's shift, the others keeping their "
					+ "distance to it within their step's tolerance. Its answer completes the move "
					+ "(GET …/moves/{moveId}): APPLIED, the steps following their rescheduled appointments, or "
					+ "REFUSED naming the step that could not move and why, with a MOVE_REFUSED alert. One move "
					+ "pending per pathway: another is 409 move-pending.")
	ResponseEntity<MoveView> move(@PathVariable UUID id, ExpectedVersion expected,
			@Valid @RequestBody AnchorForm form) {
		MoveService.Requested requested = moves.request(id, form.anchorAt(), expected, Caller.current().subject());
		Move move = requested.move();
		return ResponseEntity.accepted()
			.location(URI.create("/api/pathways/" + id + "/moves/" + move.id()))
			.eTag(Long.toString(requested.pathwayVersion()))
			.body(MoveView.of(move, Map.of()));
	}

	@GetMapping("/moves/{moveId}")
	@Operation(summary = "Read a pathway's move",
			description = "Where the move stands: PENDING, APPLIED with the steps moved and their new starts, or "
					+ "REFUSED with the step that could not move and scheduling's reason. Readers of the pathway; a "
					+ "partner only for pathways at its organisation.")
	MoveView get(@PathVariable UUID id, @PathVariable UUID moveId) {
		pathways.readable(id);
		Move move = moves.get(id, moveId);
		return MoveView.of(move, timeline.startsOf(move.booked().stream().map(Move.Booked::appointmentId).toList()));
	}

}
