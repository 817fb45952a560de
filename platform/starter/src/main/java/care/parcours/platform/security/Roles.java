package care.parcours.platform.security;

/**
 * The roles a token's {@code roles} claim may name. Staff roles belong to people (and to
 * demo clients); {@link #PARTNER} only to partner clients, whose tokens also carry the
 * partner's id.
 */
public final class Roles {

	public static final String COORDINATOR = "coordinator";

	public static final String ASSISTANT = "assistant";

	public static final String BILLING = "billing";

	public static final String ADMIN = "admin";

	public static final String OPS = "ops";

	public static final String PARTNER = "partner";

	/** Scope of a partner client that pushes its practitioners' availability. */
	public static final String SCOPE_AVAILABILITY_WRITE = "partner.availability.write";

	/** Scope of a partner client that reads the appointments concerning it. */
	public static final String SCOPE_APPOINTMENTS_READ = "partner.appointments.read";

	/** Scope of a partner client that reads the quotes concerning it. */
	public static final String SCOPE_QUOTES_READ = "partner.quotes.read";

	private Roles() {
	}

}
