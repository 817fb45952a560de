package care.parcours.scheduling.chains;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import care.parcours.events.patient.PathwayMoveRequested;
import care.parcours.events.scheduling.CascadeRefused;
import care.parcours.scheduling.booking.Booking;
import care.parcours.scheduling.booking.BookingStatus;
import org.jspecify.annotations.Nullable;

/**
 * A care pathway's move as patient-service asks for it
 * ({@code patient.pathway.move-requested.v1}), read and checked before anything is
 * locked: the links must be rules a chain can have, and link every appointment to the one
 * that moves first. A request that cannot be a move reads as the refusal to answer.
 */
final class PathwayMove {

	/** A chain's rules at most, as for a chain linked by hand. */
	static final int MAX_LINKS = 30;

	private PathwayMove() {
	}

	/** Why a move is refused, as {@code scheduling.chain.cascade-refused.v1} says it. */
	enum Reason {

		NO_SLOT, NOT_BOOKED, NOT_FOUND, OTHER_PATIENT, INVALID_LINKS

	}

	sealed interface Outcome {

	}

	/**
	 * A move to make.
	 *
	 * @param rules the links as the chain's rules
	 */
	record Move(UUID moveId, UUID pathwayId, UUID patientId, UUID root, Instant rootStart,
			List<ChainRule> rules) implements Outcome {

		/**
		 * Every appointment the move names, the root first, then as the links name them.
		 */
		Set<UUID> appointments() {
			Set<UUID> ids = new LinkedHashSet<>(List.of(root));
			rules.forEach(rule -> {
				ids.add(rule.from());
				ids.add(rule.to());
			});
			return ids;
		}

		/**
		 * The first appointment, in {@link #appointments()} order, that cannot take part:
		 * unknown, another patient's, no longer booked, or made for another pathway.
		 * @param found the appointments that exist, by id
		 */
		Optional<Refusal> refusalGiven(Map<UUID, Booking> found) {
			for (UUID id : appointments()) {
				Booking appointment = found.get(id);
				if (appointment == null) {
					return Optional.of(new Refusal(id, Reason.NOT_FOUND));
				}
				if (!appointment.claim().patientId().equals(patientId)) {
					return Optional.of(new Refusal(id, Reason.OTHER_PATIENT));
				}
				if (appointment.kind() != Booking.Kind.APPOINTMENT || appointment.status() != BookingStatus.BOOKED) {
					return Optional.of(new Refusal(id, Reason.NOT_BOOKED));
				}
				if (appointment.pathwayId() != null && !appointment.pathwayId().equals(pathwayId)) {
					return Optional.of(new Refusal(id, Reason.INVALID_LINKS));
				}
			}
			return Optional.empty();
		}

		/**
		 * The first appointment that already moves with a chain other than the pathway's.
		 * @param chain the chain of the first appointment found in one, if any
		 */
		Optional<Refusal> refusalGiven(Map<UUID, Booking> found, @Nullable AppointmentChain chain) {
			if (chain == null) {
				return Optional.empty();
			}
			// When the chain is the pathway's, an appointment of another chain is to
			// blame; when it is not, the appointments of this one.
			boolean pathways = pathwayId.equals(chain.pathwayId());
			return found.values()
				.stream()
				.filter(appointment -> appointment.chainId() != null
						&& appointment.chainId().equals(chain.id()) != pathways)
				.findFirst()
				.map(appointment -> new Refusal(appointment.id(), Reason.INVALID_LINKS));
		}

	}

	/** What a refused move answers, naming the appointment to blame when one is. */
	record Refusal(@Nullable UUID appointmentId, Reason reason) implements Outcome {

		CascadeRefused answering(UUID moveId) {
			return new CascadeRefused(moveId, appointmentId, reason.name());
		}

	}

	/**
	 * Reads a request: each link's offset and tolerance are ISO-8601 durations in whole
	 * seconds, the tolerance not negative; a link joins two different appointments, and
	 * two appointments at most once; the links, if any, reach every appointment from the
	 * root (otherwise the cascade could not place the others).
	 */
	static Outcome read(PathwayMoveRequested request) {
		if (request.links().size() > MAX_LINKS) {
			return new Refusal(null, Reason.INVALID_LINKS);
		}
		List<ChainRule> rules = new ArrayList<>();
		Set<Set<UUID>> linked = new HashSet<>();
		for (PathwayMoveRequested.Link link : request.links()) {
			Optional<Duration> offset = duration(link.offset());
			Optional<Duration> tolerance = duration(link.tolerance());
			if (offset.isEmpty() || tolerance.isEmpty() || tolerance.get().isNegative() || link.from().equals(link.to())
					|| !linked.add(Set.of(link.from(), link.to()))) {
				return new Refusal(link.to(), Reason.INVALID_LINKS);
			}
			rules.add(new ChainRule(link.from(), link.to(), offset.get(), tolerance.get()));
		}
		Move move = new Move(request.moveId(), request.pathwayId(), request.patientId(), request.rootAppointmentId(),
				request.rootStart(), rules);
		return unreached(move).<Outcome>map(id -> new Refusal(id, Reason.INVALID_LINKS)).orElse(move);
	}

	/** The first appointment the links do not reach from the root. */
	private static Optional<UUID> unreached(Move move) {
		Set<UUID> reached = new HashSet<>();
		Deque<UUID> next = new ArrayDeque<>(List.of(move.root()));
		while (!next.isEmpty()) {
			UUID id = next.removeFirst();
			if (reached.add(id)) {
				move.rules().stream().filter(rule -> rule.involves(id)).forEach(rule -> next.addLast(rule.other(id)));
			}
		}
		return move.appointments().stream().filter(id -> !reached.contains(id)).findFirst();
	}

	/** A duration in whole seconds, as chains keep them, when the text is one. */
	private static Optional<Duration> duration(String text) {
		try {
			return Optional.of(Duration.parse(text))
				.filter(duration -> duration.truncatedTo(ChronoUnit.SECONDS).equals(duration));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
