package care.parcours.scheduling.chains;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
 */
public record AppointmentChain(UUID id, UUID patientId, @Nullable UUID pathwayId, List<ChainRule> rules,
		Instant createdAt) {

	public AppointmentChain {
		rules = List.copyOf(rules);
	}

	/** A new chain, and its appointments each changed to belong to it. */
	public record Linked(AppointmentChain chain, List<Booking.Change> appointments) {

	}

	/**
	 * Links booked, unchained appointments of one patient whose times already satisfy the
	 * rules.
	 * @param appointments every appointment the rules name, by id
	 */
	public static Linked link(UUID id, @Nullable UUID pathwayId, List<ChainRule> rules, Map<UUID, Booking> appointments,
			Instant now) {
		List<Booking.Change> joined = appointments.values()
			.stream()
			.map(appointment -> appointment.inChain(id))
			.toList();
		Set<UUID> patients = appointments.values()
			.stream()
			.map(appointment -> appointment.claim().patientId())
			.collect(Collectors.toSet());
		if (patients.size() != 1) {
			throw new RuleViolationException("chain-of-several-patients", "A chain links appointments of one patient.");
		}
		for (ChainRule rule : rules) {
			Instant from = appointments.get(rule.from()).during().start();
			Instant to = appointments.get(rule.to()).during().start();
			if (!rule.isSatisfied(from, to)) {
				throw new RuleViolationException("chain-rule-broken", "Appointment " + rule.to() + " starts at " + to
						+ ", not within " + rule.tolerance() + " of " + rule.offset() + " from " + rule.from() + ".");
			}
		}
		return new Linked(new AppointmentChain(id, patients.iterator().next(), pathwayId, rules, now), joined);
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

}
