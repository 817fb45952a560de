package care.parcours.scheduling.chains;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
