package care.parcours.scheduling.chains;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import care.parcours.events.scheduling.CascadeApplied;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.scheduling.booking.Booking;
import org.jspecify.annotations.Nullable;

/**
 * Appointments of one patient's pathway linked by rules.
 *
 * @param id the chain
 * @param patientId whose appointments
 * @param pathwayId the care pathway, if any
 * @param rules the rules between the appointments
 * @param createdAt when it was linked
 * @param version incremented by every change: new rules, a cascade applied
 */
public record AppointmentChain(UUID id, UUID patientId, @Nullable UUID pathwayId, List<ChainRule> rules,
		Instant createdAt, long version) {

	public AppointmentChain {
		rules = List.copyOf(rules);
	}

	/** A new chain, and its appointments each changed to belong to it. */
	public record Linked(AppointmentChain chain, List<Booking.Change> appointments) {

	}

	/** The chain after a change, and what to announce. */
	public record Change(AppointmentChain chain, CascadeApplied event) {

	}

	/**
	 * Links booked, unchained appointments of one patient whose times already satisfy the
	 * rules.
	 * @param appointments every appointment the rules name, by id (with no rules, the one
	 * appointment the chain starts with)
	 */
	public static Linked link(UUID id, @Nullable UUID pathwayId, List<ChainRule> rules, Map<UUID, Booking> appointments,
			Instant now) {
		List<Booking.Change> joined = appointments.values()
			.stream()
			.map(appointment -> appointment.inChain(id))
			.toList();
		AppointmentChain chain = new AppointmentChain(id, onePatient(appointments.values()), pathwayId, rules, now, 0);
		chain.requireSatisfied(appointments);
		return new Linked(chain, joined);
	}

	/**
	 * Replaces the rules, as when a pathway's steps are now other appointments: those the
	 * new rules name join the chain, members they no longer name leave it, and the times
	 * must satisfy the new rules.
	 * @param appointments every appointment the new rules name, by id
	 * @param members the appointments that belong to the chain now
	 */
	public Linked relink(List<ChainRule> newRules, Map<UUID, Booking> appointments, Collection<Booking> members) {
		List<Booking.Change> changed = new ArrayList<>();
		appointments.values()
			.stream()
			.filter(appointment -> !id.equals(appointment.chainId()))
			.forEach(appointment -> changed.add(appointment.inChain(id)));
		members.stream()
			.filter(member -> !appointments.containsKey(member.id()))
			.forEach(member -> changed.add(member.outOfChain()));
		if (!onePatient(appointments.values()).equals(patientId)) {
			throw new RuleViolationException("chain-of-several-patients", "A chain links appointments of one patient.");
		}
		AppointmentChain relinked = new AppointmentChain(id, patientId, pathwayId, newRules, createdAt, version + 1);
		relinked.requireSatisfied(appointments);
		return new Linked(relinked, changed);
	}

	/**
	 * A cascade moved the chain's appointments together.
	 * @param moveId the pathway move it answers, if a pathway asked for it
	 * @param moved the appointments whose time changed
	 */
	public Change cascaded(UUID cascadeId, @Nullable UUID moveId, List<UUID> moved) {
		return new Change(new AppointmentChain(id, patientId, pathwayId, rules, createdAt, version + 1),
				new CascadeApplied(cascadeId, id, moveId, List.copyOf(moved)));
	}

	/**
	 * The same chain with other rules, for a cascade to plan on before they are linked.
	 */
	AppointmentChain planningWith(List<ChainRule> newRules) {
		return new AppointmentChain(id, patientId, pathwayId, newRules, createdAt, version);
	}

	/** Whether the rules link the same appointments by the same offsets. */
	public boolean hasRules(List<ChainRule> others) {
		return new HashSet<>(rules).equals(new HashSet<>(others));
	}

	public Set<UUID> appointments() {
		Set<UUID> ids = new LinkedHashSet<>();
		rules.forEach(rule -> {
			ids.add(rule.from());
			ids.add(rule.to());
		});
		return ids;
	}

	public List<ChainRule> rulesOf(UUID appointment) {
		return rules.stream().filter(rule -> rule.involves(appointment)).toList();
	}

	/**
	 * @throws RuleViolationException when an appointment does not start where a rule
	 * places it
	 */
	void requireSatisfied(Map<UUID, Booking> appointments) {
		for (ChainRule rule : rules) {
			Instant from = appointments.get(rule.from()).during().start();
			Instant to = appointments.get(rule.to()).during().start();
			if (!rule.isSatisfied(from, to)) {
				throw new RuleViolationException("chain-rule-broken", "Appointment " + rule.to() + " starts at " + to
						+ ", not within " + rule.tolerance() + " of " + rule.offset() + " from " + rule.from() + ".");
			}
		}
	}

	private static UUID onePatient(Collection<Booking> appointments) {
		Set<UUID> patients = appointments.stream()
			.map(appointment -> appointment.claim().patientId())
			.collect(Collectors.toSet());
		if (patients.size() != 1) {
			throw new RuleViolationException("chain-of-several-patients", "A chain links appointments of one patient.");
		}
		return patients.iterator().next();
	}

}
