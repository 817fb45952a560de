package care.parcours.scheduling.chains;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.parcours.events.patient.PathwayMoveRequested;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;
import care.parcours.platform.outbox.Outbox;
import care.parcours.scheduling.booking.Booking;
import care.parcours.scheduling.booking.BookingQueries;
import care.parcours.scheduling.booking.BookingService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Moves a care pathway's booked appointments when patient-service asks
 * ({@code patient.pathway.move-requested.v1}): links them as the pathway's chain, or
 * reuses the chain they form (with the links as its rules), and runs the same cascade as
 * {@code POST /api/appointments/{id}/cascade-reschedule} on the versions it finds, all or
 * none. It answers with {@code scheduling.chain.cascade-applied.v1} or
 * {@code scheduling.chain.cascade-refused.v1}: a refusal is an answer, never an
 * exception, since an exception would have the event retried and then set aside. A move
 * is handled once by its id, however often and under whatever event ids it arrives; only
 * a failure of the database (a slot of the plan taken meanwhile, say) is thrown, so that
 * the retried event plans again.
 */
@Component
class PathwayMover implements EventHandler<PathwayMoveRequested> {

	private static final Logger log = LoggerFactory.getLogger(PathwayMover.class);

	private final PathwayMoves moves;

	private final ChainService cascades;

	private final Chains chains;

	private final BookingService bookings;

	private final BookingQueries queries;

	private final Outbox outbox;

	private final Clock clock;

	PathwayMover(PathwayMoves moves, ChainService cascades, Chains chains, BookingService bookings,
			BookingQueries queries, Outbox outbox, Clock clock) {
		this.moves = moves;
		this.cascades = cascades;
		this.chains = chains;
		this.bookings = bookings;
		this.queries = queries;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Override
	public void handle(PathwayMoveRequested request, EventMetadata metadata) {
		Instant now = clock.instant();
		if (!moves.claim(request.moveId(), request.pathwayId(), now)) {
			log.info("Pathway move {} was handled before; event {} changes nothing", request.moveId(), metadata.id());
			return;
		}
		switch (PathwayMove.read(request)) {
			case PathwayMove.Refusal refusal -> refuse(request.moveId(), request.pathwayId(), refusal);
			case PathwayMove.Move move -> move(move, now);
		}
	}

	private void move(PathwayMove.Move move, Instant now) {
		Map<UUID, Booking> appointments = lock(move.appointments());
		@Nullable AppointmentChain current = appointments.values()
			.stream()
			.map(Booking::chainId)
			.filter(Objects::nonNull)
			.findFirst()
			.map(cascades::get)
			.orElse(null);
		Optional<PathwayMove.Refusal> refusal = move.refusalGiven(appointments)
			.or(() -> move.refusalGiven(appointments, current));
		if (refusal.isPresent()) {
			refuse(move, refusal.get());
			return;
		}
		AppointmentChain planned = current == null
				? new AppointmentChain(UUID.randomUUID(), move.patientId(), move.pathwayId(), move.rules(), now, 0)
				: current.planningWith(move.rules());
		switch (cascades.plan(planned, appointments, move.root(), move.rootStart(), now)) {
			case CascadePlanner.Impossible impossible ->
				refuse(move, new PathwayMove.Refusal(impossible.step(), PathwayMove.Reason.NO_SLOT));
			case CascadePlanner.Plan plan -> apply(move, current, planned,
					cascades.planned(plan, appointments, appointments.get(move.root()).version()), now);
		}
	}

	/**
	 * Moves the appointments, then links them by the move's rules, which their new times
	 * satisfy, and announces the cascade as the chain's change: its id is the event's
	 * subject, its new version the event's.
	 */
	private void apply(PathwayMove.Move move, @Nullable AppointmentChain current, AppointmentChain planned,
			ChainService.Cascade cascade, Instant now) {
		cascades.apply(cascade);
		Map<UUID, Booking> moved = lock(move.appointments());
		AppointmentChain chain = current;
		if (current == null) {
			AppointmentChain.Linked linked = AppointmentChain.link(planned.id(), move.pathwayId(), move.rules(), moved,
					now);
			chains.add(linked.chain());
			linked.appointments().forEach(bookings::save);
			chain = linked.chain();
		}
		else if (!current.hasRules(move.rules())
				|| moved.values().stream().anyMatch(appointment -> !current.id().equals(appointment.chainId()))) {
			List<Booking> members = queries.inChain(current.id())
				.stream()
				.filter(id -> !moved.containsKey(id))
				.map(bookings::lock)
				.toList();
			AppointmentChain.Linked relinked = current.relink(move.rules(), moved, members);
			chains.relinked(relinked.chain());
			relinked.appointments().forEach(bookings::save);
			chain = relinked.chain();
		}
		chains.cascaded(chain.cascaded(cascade.cascadeId(), move.moveId(), cascade.moved()));
		moves.applied(move.moveId(), chain.id(), cascade.cascadeId());
	}

	private void refuse(PathwayMove.Move move, PathwayMove.Refusal refusal) {
		refuse(move.moveId(), move.pathwayId(), refusal);
	}

	/**
	 * Announces the refusal, the pathway on its envelope, with the move as its aggregate,
	 * at version 0: a refusal changes no chain (there may be none yet), and a move is
	 * answered once, so the move id keys its one answer.
	 */
	private void refuse(UUID moveId, UUID pathwayId, PathwayMove.Refusal refusal) {
		moves.refused(moveId, refusal.reason());
		outbox.publish(refusal.answering(moveId), moveId, 0, pathwayId);
		log.info("Pathway move {} refused: {} (appointment {})", moveId, refusal.reason(), refusal.appointmentId());
	}

	/**
	 * The appointments that exist among {@code ids}, locked in the order of their ids so
	 * that two moves never wait for each other, and returned in the order of {@code ids}.
	 */
	private Map<UUID, Booking> lock(Set<UUID> ids) {
		Map<UUID, Booking> locked = new HashMap<>();
		ids.stream().sorted().forEach(id -> bookings.lockIfPresent(id).ifPresent(found -> locked.put(id, found)));
		Map<UUID, Booking> ordered = new LinkedHashMap<>();
		ids.stream().filter(locked::containsKey).forEach(id -> ordered.put(id, locked.get(id)));
		return ordered;
	}

}
