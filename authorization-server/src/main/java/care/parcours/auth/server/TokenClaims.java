package care.parcours.auth.server;

import java.util.ArrayList;
import java.util.List;

import care.parcours.auth.clients.RegisteredClients;
import care.parcours.auth.people.People;
import care.parcours.auth.people.Person;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The claims resource servers rely on, beside the standard {@code iss}, {@code sub},
 * {@code iat}, {@code exp}, {@code jti} and {@code scope}: {@code aud} is
 * {@value #AUDIENCE}, {@code client_id} names the client, {@code scope} is one
 * space-separated string, {@code roles} lists the bearer's roles in lower case, and a
 * partner client's tokens carry {@code partner_id}, a person's access tokens {@code sid},
 * the session they were issued in (the ID token's {@code sid} is Spring Authorization
 * Server's, the login's browser session). A person's roles are read again at every
 * refresh, so that a change of configuration reaches their next token; someone no longer
 * configured gets none.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	/** The audience of every access token: the platform's APIs. */
	static final String AUDIENCE = "parcours-api";

	static final String ROLES = "roles";

	static final String CLIENT_ID = "client_id";

	static final String PARTNER_ID = "partner_id";

	/** The person's session ({@link Sessions}) an access token was issued in. */
	static final String SESSION_ID = "sid";

	private final People people;

	TokenClaims(People people) {
		this.people = people;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!accessToken && !idToken) {
			return;
		}
		JwtClaimsSet.Builder claims = context.getClaims();
		RegisteredClient client = context.getRegisteredClient();
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			claims.claim(ROLES, storable(RegisteredClients.rolesOf(client)));
			RegisteredClients.partnerIdOf(client).ifPresent(partnerId -> claims.claim(PARTNER_ID, partnerId));
		}
		else {
			claims.claim(ROLES, storable(rolesOf(context.getPrincipal().getName())));
		}
		if (accessToken) {
			claims.audience(storable(List.of(AUDIENCE)));
			claims.claim(CLIENT_ID, client.getClientId());
			OAuth2Authorization session = context.getAuthorization();
			if (session != null
					&& AuthorizationGrantType.AUTHORIZATION_CODE.equals(session.getAuthorizationGrantType())) {
				claims.claim(SESSION_ID, session.getId());
			}
			if (!context.getAuthorizedScopes().isEmpty()) {
				// RFC 9068 section 2.2.3: one space-separated string, as other providers
				// write it.
				claims.claim(OAuth2ParameterNames.SCOPE,
						String.join(" ", context.getAuthorizedScopes().stream().sorted().toList()));
			}
		}
	}

	/**
	 * The claims are stored with the authorization, as JSON naming each value's class;
	 * reading them back accepts {@code ArrayList} but not the JDK's immutable lists.
	 */
	private static List<String> storable(List<String> values) {
		return new ArrayList<>(values);
	}

	private List<String> rolesOf(String name) {
		return people.find(name)
			.map(Person::claimValues)
			.orElseThrow(() -> new OAuth2AuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "This person may no longer log in.", null)));
	}

}
