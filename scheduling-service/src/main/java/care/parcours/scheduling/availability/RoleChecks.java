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
 * resource of. A role taken by another practitioner (an anaesthetist) names one working
 * for the partner, or a specialty some other practitioner there has; never the
 * practitioner themself.
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

	void requireFillable(UUID practitionerId, UUID partnerId, Collection<AppointmentType> types) {
		int t = 0;
		for (AppointmentType type : types) {
			List<RequiredRole> roles = type.roles();
			for (int i = 0; i < roles.size(); i++) {
				String field = "appointmentTypes[" + t + "].roles[" + i + "]";
				if (roles.get(i).takesPractitioner()) {
					requirePractitioner(practitionerId, partnerId, roles.get(i), field);
				}
				else {
					requireFillable(partnerId, roles.get(i), field);
				}
			}
			t++;
		}
	}

	private void requirePractitioner(UUID practitionerId, UUID partnerId, RequiredRole role, String field) {
		UUID named = role.resourceId();
		if (named == null && role.specialty() == null) {
			throw InvalidRequestException.ofField(field + ".specialty",
					"is required when a PRACTITIONER role names no practitioner");
		}
		if (practitionerId.equals(named)) {
			throw InvalidRequestException.ofField(field + ".resourceId", "names the practitioner themself");
		}
		List<ResourceCopy> others = resources.offered(partnerId, role.kind(), role.language(), role.specialty())
			.stream()
			.filter(other -> !other.id().equals(practitionerId))
			.toList();
		if (named != null) {
			if (others.stream().noneMatch(other -> other.id().equals(named))) {
				throw InvalidRequestException.ofField(field + ".resourceId",
						"names no practitioner working for the partner"
								+ (role.specialty() == null ? "" : " in '" + role.specialty() + "'")
								+ (role.language() == null ? "" : " speaking '" + role.language() + "'"));
			}
			return;
		}
		if (others.isEmpty()) {
			throw noneFor(partnerId, role);
		}
	}

	private void requireFillable(UUID partnerId, RequiredRole role, String field) {
		UUID named = role.resourceId();
		if (named == null) {
			if (resources.offered(partnerId, role.kind(), role.language(), role.specialty()).isEmpty()) {
				throw noneFor(partnerId, role);
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
		if (role.specialty() != null && !resource.specialties().contains(role.specialty())) {
			throw InvalidRequestException.ofField(field + ".specialty", "is not served by the named resource");
		}
	}

	private static RuleViolationException noneFor(UUID partnerId, RequiredRole role) {
		return new RuleViolationException("no-resource-for-role",
				"Partner " + partnerId + " offers no " + role.kind()
						+ (role.specialty() == null ? "" : " in '" + role.specialty() + "'")
						+ (role.language() == null ? "" : " speaking '" + role.language() + "'") + " for the role '"
						+ role.role() + "'.");
	}

}
