package care.parcours.scheduling.availability;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.scheduling.resources.ResourceCopies;
import care.parcours.scheduling.resources.ResourceCopy;

import org.springframework.stereotype.Component;

/**
 * Refuses appointment types whose roles could never be filled at the practitioner's
 * partner: a named resource unknown, retired, of another kind, of another partner (but an
 * interpreter), or not speaking the language; a kind (and language) the partner offers no
 * resource of.
 */
@Component
class RoleChecks {

	/**
	 * Interpreters may work for an interpreting agency that serves many places of care
	 * (partner-service's {@code ResourceKind.INTERPRETER}), so a type may name another
	 * partner's; rooms and machines are where the care is.
	 */
	private static final String INTERPRETER = "INTERPRETER";

	private final ResourceCopies resources;

	RoleChecks(ResourceCopies resources) {
		this.resources = resources;
	}

	void requireFillable(UUID partnerId, Collection<AppointmentType> types) {
		int t = 0;
		for (AppointmentType type : types) {
			List<RequiredRole> roles = type.roles();
			for (int i = 0; i < roles.size(); i++) {
				requireFillable(partnerId, roles.get(i), "appointmentTypes[" + t + "].roles[" + i + "]");
			}
			t++;
		}
	}

	private void requireFillable(UUID partnerId, RequiredRole role, String field) {
		UUID named = role.resourceId();
		if (named == null) {
			if (resources.offered(partnerId, role.kind(), role.language()).isEmpty()) {
				throw new RuleViolationException("no-resource-for-role",
						"Partner " + partnerId + " offers no " + role.kind()
								+ (role.language() == null ? "" : " speaking '" + role.language() + "'")
								+ " for the role '" + role.role() + "'.");
			}
			return;
		}
		ResourceCopy resource = resources.find(named)
			.orElseThrow(() -> InvalidRequestException.ofField(field + ".resourceId", "names no known resource"));
		boolean elsewhere = !resource.partnerId().equals(partnerId) && !INTERPRETER.equals(resource.kind());
		if (resource.retired() || elsewhere || !resource.kind().equals(role.kind())) {
			throw InvalidRequestException.ofField(field + ".resourceId",
					"names a resource that is retired, of another partner or not a " + role.kind());
		}
		if (role.language() != null && !resource.languages().contains(role.language())) {
			throw InvalidRequestException.ofField(field + ".language", "is not spoken by the named resource");
		}
	}

}
