package care.parcours.patient.access;

import java.util.Set;
import java.util.UUID;

import care.parcours.platform.security.Caller;
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

	/**
	 * The caller of the current request, with the purpose they declared in
	 * {@link AccessPurpose#HEADER} and the partner they act for, if any.
	 */
	public static Accessor current(@Nullable String purposeHeader) {
		Caller caller = Caller.current();
		return new Accessor(caller.subject(), caller.roles(), AccessPurpose.fromHeader(purposeHeader),
				caller.partnerId().orElse(null));
	}

	/** A member of staff. */
	public Accessor(String subject, Set<String> roles, @Nullable AccessPurpose purpose) {
		this(subject, roles, purpose, null);
	}

}
