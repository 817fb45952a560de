package care.parcours.scheduling.chains;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.problem.ConstraintProblems;
import care.parcours.platform.retry.RetryOnContention;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.booking.Booking;
import care.parcours.scheduling.booking.BookingQueries;
import care.parcours.scheduling.booking.BookingService;
import care.parcours.scheduling.booking.BookingStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Links appointments into chains and moves chains together; a slot of a cascade's plan
 * taken while it is applied is a {@link CascadeConflicts conflict}.
 */
@Service
@RetryOnContention
class ChainService {

	private final Chains chains;

	private final BookingService bookings;

	private final BookingQueries queries;

	private final ChainSlotFinder finder;

	private final Clock clock;

	ChainService(Chains chains, BookingService bookings, BookingQueries queries, ChainSlotFinder finder, Clock clock) {
		this.chains = chains;
		this.bookings = bookings;
		this.queries = queries;
		this.finder = finder;
		this.clock = clock;
	}

	/**
	 * One appointment's move in a cascade: the appointment as it was, and where it goes.
	 */
	record Move(Booking appointment, TimeRange to) {

		boolean moves() {
			return !appointment.during().equals(to);
		}

	}

	/**
	 * The plan of a cascade, applied or not, and the version the appointment asked to
	 * move has after it (its {@code ETag}: unchanged by a dry run).
	 */
	record Cascade(UUID cascadeId, boolean applied, List<Move> moves, long version) {

		/** The appointments whose time the cascade changes. */
		List<UUID> moved() {
			return moves.stream().filter(Move::moves).map(move -> move.appointment().id()).toList();
		}

	}

	/**
	 * Plans the cascade and applies it, unless it is a dry run, which changes nothing.
	 */
	@Transactional
	Cascade cascade(UUID appointmentId, ExpectedVersion expected, Instant newStart, boolean dryRun) {
		Instant now = clock.instant();
		Booking moved = bookings.lock(appointmentId);
		expected.requireCurrent("Booking " + appointmentId, moved.version());
		AppointmentChain chain = moved.chainId() == null
				? new AppointmentChain(UUID.randomUUID(), moved.claim().patientId(), null, List.of(), now, 0)
				: get(moved.chainId());
		Map<UUID, Booking> appointments = new LinkedHashMap<>();
		appointments.put(moved.id(), moved);
		for (UUID id : chain.appointments()) {
			appointments.computeIfAbsent(id, bookings::lock);
		}
		Cascade cascade = switch (plan(chain, appointments, appointmentId, newStart, now)) {
			case CascadePlanner.Plan plan -> planned(plan, appointments, moved.version());
			case CascadePlanner.Impossible impossible -> throw new CascadeImpossible(impossible, appointments);
		};
		if (dryRun) {
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return cascade;
		}
		ConstraintProblems.attempting(cascade);
		apply(cascade);
		if (moved.chainId() != null) {
			chains.cascaded(chain.cascaded(cascade.cascadeId(), null, cascade.moved()));
		}
		return new Cascade(cascade.cascadeId(), true, cascade.moves(), bookings.lock(appointmentId).version());
	}

	/**
	 * Plans moving {@code moved} to {@code newStart} and the rest of the chain with it.
	 * @param appointments every appointment of the chain, locked, by id
	 */
	CascadePlanner.Outcome plan(AppointmentChain chain, Map<UUID, Booking> appointments, UUID moved, Instant newStart,
			Instant now) {
		Map<UUID, CascadePlanner.Step> steps = new LinkedHashMap<>();
		appointments.forEach((id,
				appointment) -> steps.put(id, new CascadePlanner.Step(id, appointment.claim().practitionerId(),
						appointment.during(),
						appointment.status() == BookingStatus.BOOKED && appointment.during().start().isAfter(now))));
		List<TimeRange> patientBusy = patientBusy(appointments.get(moved), appointments.keySet(), newStart);
		return new CascadePlanner(finder.forCascade(appointments, now)).plan(chain, steps, moved, newStart,
				patientBusy);
	}

	/** The plan as a cascade not applied yet, under a new id. */
	Cascade planned(CascadePlanner.Plan plan, Map<UUID, Booking> appointments, long version) {
		return new Cascade(UUID.randomUUID(), false,
				appointments.values()
					.stream()
					.map(appointment -> new Move(appointment, plan.placements().get(appointment.id())))
					.toList(),
				version);
	}

	/** Moves the appointments a cascade moves, each on the version it was planned at. */
	void apply(Cascade cascade) {
		bookings.moveInCascade(cascade.moves()
			.stream()
			.filter(Move::moves)
			.map(move -> new BookingService.CascadeMove(move.appointment().id(), move.appointment().version(),
					move.to()))
			.toList(), cascade.cascadeId());
	}

	private List<TimeRange> patientBusy(Booking moved, Set<UUID> chain, Instant newStart) {
		Instant from = newStart.minus(Duration.ofDays(120));
		Instant to = newStart.plus(Duration.ofDays(120));
		return queries.patientAppointments(moved.claim().patientId(), new TimeRange(from, to))
			.stream()
			.filter(appointment -> !chain.contains(appointment.id()))
			.map(Booking::during)
			.toList();
	}

	@Transactional
	AppointmentChain link(@Nullable UUID pathwayId, List<ChainRule> rules) {
		Map<UUID, Booking> appointments = new LinkedHashMap<>();
		for (ChainRule rule : rules) {
			appointments.computeIfAbsent(rule.from(), bookings::lock);
			appointments.computeIfAbsent(rule.to(), bookings::lock);
		}
		AppointmentChain.Linked linked = AppointmentChain.link(UUID.randomUUID(), pathwayId, rules, appointments,
				clock.instant());
		chains.add(linked.chain());
		linked.appointments().forEach(bookings::save);
		return linked.chain();
	}

	AppointmentChain get(UUID id) {
		return chains.find(id)
			.orElseThrow(() -> new NotFoundException("chain-not-found", "No appointment chain " + id + "."));
	}

	List<Booking> appointments(AppointmentChain chain) {
		return chain.appointments().stream().map(queries::get).toList();
	}

}
