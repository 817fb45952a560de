package care.parcours.auth;

/**
 * The accounts that exist only with {@code parcours.auth.demo-users=true} (the local
 * platform and docker-compose, never production): one person and one client-credentials
 * client per staff role, with well-known passwords so that scripts and demos can get a
 * token of any role.
 */
public final class DemoAccounts {

	/** The secret of every {@code demo-<role>} client. */
	public static final String CLIENT_SECRET = "demo-secret";

	private static final String CLIENT_PREFIX = "demo-";

	private DemoAccounts() {
	}

	/** The demo person holding a role is named after it: {@code coordinator}. */
	public static String userName(Role role) {
		return role.claimValue();
	}

	/** {@code <name>-demo}, as {@code coordinator-demo}. */
	public static String password(Role role) {
		return role.claimValue() + "-demo";
	}

	/** {@code demo-<role>}, as {@code demo-coordinator}. */
	public static String clientId(Role role) {
		return CLIENT_PREFIX + role.claimValue();
	}

}
