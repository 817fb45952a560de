package care.parcours.local;

import java.net.URI;
import java.util.List;

/**
 * How to get a token on the local platform, where the authorization server has one demo
 * client and one demo person per staff role ({@code PARCOURS_AUTH_DEMO_USERS}). The names
 * follow the authorization server's convention: client {@code demo-<role>} with secret
 * {@value #CLIENT_SECRET}, person {@code <role>} with password {@code <role>-demo}.
 */
final class DemoTokens {

	/** The staff roles, in the order the README lists them. */
	static final List<String> ROLES = List.of("coordinator", "assistant", "billing", "admin", "ops");

	static final String CLIENT_SECRET = "demo-secret";

	private DemoTokens() {
	}

	/** The curl line that gets a token of the role, through the gateway when it runs. */
	static String curl(URI tokenEndpoint, String role) {
		return "curl -s -u demo-" + role + ":" + CLIENT_SECRET + " -d grant_type=client_credentials " + tokenEndpoint;
	}

	static String render(RunningPlatform platform) {
		URI base = platform.services().contains(ServiceName.GATEWAY) ? platform.url(ServiceName.GATEWAY)
				: platform.url(ServiceName.AUTH);
		URI tokenEndpoint = base.resolve("/oauth2/token");
		StringBuilder out = new StringBuilder(
				"\n  Tokens (demo accounts; the access_token goes in Authorization: Bearer …):\n");
		for (String role : ROLES) {
			out.append(String.format("    %-12s %s%n", role, curl(tokenEndpoint, role)));
		}
		out.append("  People log in at ")
			.append(platform.url(ServiceName.AUTH).resolve("/login"))
			.append(" (authorization code + PKCE, client parcours-web) as\n    ");
		out.append(String.join(", ", ROLES.stream().map((role) -> role + " / " + role + "-demo").toList()));
		out.append(".\n");
		return out.toString();
	}

}
