package care.parcours.platform.security;

import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The building blocks of {@link EndpointRules}, so that rules read like the role matrix.
 */
public final class Access {

	private Access() {
	}

	/** A caller holding any of the roles. */
	public static AuthorizationManager<RequestAuthorizationContext> roles(String... roles) {
		return AuthorityAuthorizationManager.hasAnyRole(roles);
	}

	/**
	 * A partner client holding the scope; which partner's data it may reach the service
	 * checks with {@link Caller#maySee}.
	 */
	public static AuthorizationManager<RequestAuthorizationContext> partner(String scope) {
		return AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole(Roles.PARTNER),
				AuthorityAuthorizationManager.hasAuthority("SCOPE_" + scope));
	}

	/** Any partner client, whatever its scopes. */
	public static AuthorizationManager<RequestAuthorizationContext> partner() {
		return AuthorityAuthorizationManager.hasRole(Roles.PARTNER);
	}

	@SafeVarargs
	public static AuthorizationManager<RequestAuthorizationContext> anyOf(
			AuthorizationManager<RequestAuthorizationContext>... managers) {
		return AuthorizationManagers.anyOf(managers);
	}

}
