package care.parcours.patient.access;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who accesses patient records, as the audit trail records them.
 *
 * @param subject the person's login or the client's id
 * @param roles the roles their token grants
 * @param purpose why, when they said
 */
public record Accessor(String subject, Set<String> roles, @Nullable AccessPurpose purpose) {

	public Accessor {
		roles = Set.copyOf(roles);
	}

}
