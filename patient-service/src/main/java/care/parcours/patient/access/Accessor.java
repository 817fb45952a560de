package care.parcours.patient.access;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who accesses patient records, as the audit trail records them.
 *
 * @param subject the person's login or the client's id
 * @param roles the roles their token grants
 * @param purpose why, when they said
 * @param partnerId the organisation a partner client acts for; null for staff
 */
public record Accessor(String subject, Set<String> roles, @Nullable AccessPurpose purpose, @Nullable UUID partnerId) {

	public Accessor {
		roles = Set.copyOf(roles);
	}

	/** A member of staff. */
	public Accessor(String subject, Set<String> roles, @Nullable AccessPurpose purpose) {
		this(subject, roles, purpose, null);
	}

}
