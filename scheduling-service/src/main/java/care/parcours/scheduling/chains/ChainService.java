package care.parcours.scheduling.chains;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.scheduling.availability.TimeRange;
import care.parcours.scheduling.booking.Booking;
import care.parcours.scheduling.booking.BookingDesk;
import care.parcours.scheduling.booking.BookingService;
import care.parcours.scheduling.booking.BookingStatus;
import care.parcours.scheduling.booking.Bookings;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Links appointments into chains and moves chains together. */
@Service
class ChainService {

	private final Chains chains;

	private final Bookings bookings;

	private final BookingService booking;

	private final ChainSlotFinder finder;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ChainService(Chains chains, Bookings bookings, BookingService booking, ChainSlotFinder finder,
			PlatformTransactionManager transactions, Clock clock) {
		this.chains = chains;
		this.bookings = bookings;
		this.booking = booking;
		this.finder = finder;
		this.transactions = new TransactionTemplate(transactions);
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

	/** The plan of a cascade, applied or not. */
	record Cascade(UUID cascadeId, boolean applied, List<Move> moves) {

	}

	AppointmentChain link(@Nullable UUID pathwayId, List<ChainRule> rules) {
		return transactions.execute(status -> {
			Map<UUID, Booking> appointments = appointmentsOf(rules);
			Set<UUID> patients = new HashSet<>();
			for (Booking appointment : appointments.values()) {
				if (appointment.kind() != Booking.Kind.APPOINTMENT || appointment.status() != BookingStatus.BOOKED) {
					throw new RuleViolationException("not-chainable",
							"Appointment " + appointment.id() + " is not a booked appointment.");
				}
				if (appointment.chainId() != null) {
					throw new ConflictException("already-chained", "Appointment " + appointment.id()
							+ " already belongs to chain " + appointment.chainId() + ".");
				}
				patients.add(appointment.claim().patientId());
			}
			if (patients.size() != 1) {
				throw new RuleViolationException("chain-of-several-patients",
						"A chain links appointments of one patient.");
			}
			for (ChainRule rule : rules) {
				Instant from = appointments.get(rule.from()).during().start();
				Instant to = appointments.get(rule.to()).during().start();
				if (!rule.isSatisfied(from, to)) {
					throw new RuleViolationException("chain-rule-broken",
							"Appointment " + rule.to() + " starts at " + to + ", not within " + rule.tolerance()
									+ " of " + rule.offset() + " from " + rule.from() + ".");
				}
			}
			AppointmentChain chain = new AppointmentChain(UUID.randomUUID(), patients.iterator().next(), pathwayId,
					rules, clock.instant());
			chains.add(chain);
			return chain;
		});
	}

	AppointmentChain get(UUID id) {
		return chains.find(id)
			.orElseThrow(() -> new NotFoundException("chain-not-found", "No appointment chain " + id + "."));
	}

	List<Booking> appointments(AppointmentChain chain) {
		return chain.appointments().stream().map(booking::get).toList();
	}

	/**
	 * Moves an appointment and, with it, the appointments its chain links to it: all or
	 * none. A dry run plans without changing anything.
	 */
	Cascade cascade(UUID appointmentId, Instant newStart, boolean dryRun) {
		try {
			return transactions.execute(status -> {
				Cascade cascade = plan(appointmentId, newStart);
				if (dryRun) {
					status.setRollbackOnly();
					return cascade;
				}
				booking.moveInCascade(cascade.moves()
					.stream()
					.filter(Move::moves)
					.map(move -> new BookingService.CascadeMove(move.appointment().id(), move.appointment().version(),
							move.to()))
					.toList(), cascade.cascadeId());
				return new Cascade(cascade.cascadeId(), true, cascade.moves());
			});
		}
		catch (RuntimeException ex) {
			if (!BookingDesk.violatedExclusion(ex).isEmpty()) {
				throw new ConflictException("cascade-conflict",
						"A slot of the plan was taken while it was applied; ask for a new plan.");
			}
			throw ex;
		}
	}

	private Cascade plan(UUID appointmentId, Instant newStart) {
		Instant now = clock.instant();
		Booking moved = locked(appointmentId);
		AppointmentChain chain = moved.chainId() == null
				? new AppointmentChain(UUID.randomUUID(), moved.claim().patientId(), null, List.of(), now)
				: get(moved.chainId());
		Map<UUID, Booking> appointments = new LinkedHashMap<>();
		appointments.put(moved.id(), moved);
		for (UUID id : chain.appointments()) {
			appointments.computeIfAbsent(id, this::locked);
		}
		Map<UUID, CascadePlanner.Step> steps = new LinkedHashMap<>();
		appointments.forEach((id,
				appointment) -> steps.put(id, new CascadePlanner.Step(id, appointment.claim().practitionerId(),
						appointment.during(),
						appointment.status() == BookingStatus.BOOKED && appointment.during().start().isAfter(now))));
		List<TimeRange> patientBusy = patientBusy(moved, appointments.keySet(), newStart);
		CascadePlanner.Outcome outcome = new CascadePlanner(finder.forCascade(appointments, now)).plan(chain, steps,
				appointmentId, newStart, patientBusy);
		return switch (outcome) {
			case CascadePlanner.Plan plan -> new Cascade(UUID.randomUUID(), false,
					appointments.values()
						.stream()
						.map(appointment -> new Move(appointment, plan.placements().get(appointment.id())))
						.toList());
			case CascadePlanner.Impossible impossible -> throw new CascadeImpossible(impossible, appointments);
		};
	}

	private Booking locked(UUID id) {
		return bookings.lock(id)
			.orElseThrow(
					() -> new NotFoundException("booking-not-found", "No hold or appointment has the id " + id + "."));
	}

	private List<TimeRange> patientBusy(Booking moved, Set<UUID> chain, Instant newStart) {
		Instant from = newStart.minus(Duration.ofDays(120));
		Instant to = newStart.plus(Duration.ofDays(120));
		return bookings.patientAppointments(moved.claim().patientId(), new TimeRange(from, to))
			.stream()
			.filter(appointment -> !chain.contains(appointment.id()))
			.map(Booking::during)
			.toList();
	}

	private Map<UUID, Booking> appointmentsOf(List<ChainRule> rules) {
		Map<UUID, Booking> appointments = new LinkedHashMap<>();
		for (ChainRule rule : rules) {
			appointments.computeIfAbsent(rule.from(), this::locked);
			appointments.computeIfAbsent(rule.to(), this::locked);
		}
		return appointments;
	}

	/** No plan moves the chain: names the step that cannot move and why. */
	static final class CascadeImpossible extends RuleViolationException {

		CascadeImpossible(CascadePlanner.Impossible impossible, Map<UUID, Booking> appointments) {
			super("cascade-impossible", describe(impossible, appointments.get(impossible.step())),
					properties(impossible));
		}

		private static String describe(CascadePlanner.Impossible impossible, Booking step) {
			String window = impossible.window() == null ? ""
					: " between " + impossible.window().start() + " and " + impossible.window().end().minusSeconds(1);
			return "Appointment " + step.id() + " ('" + step.claim().appointmentType() + "' with practitioner "
					+ step.claim().practitionerId() + ") cannot move" + window + ": " + impossible.reason() + ".";
		}

		private static Map<String, Object> properties(CascadePlanner.Impossible impossible) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("step", impossible.step().toString());
			properties.put("reason", impossible.reason());
			if (impossible.window() != null) {
				properties.put("windowStart", impossible.window().start().toString());
				properties.put("windowEnd", impossible.window().end().minusSeconds(1).toString());
			}
			return properties;
		}

	}

}
