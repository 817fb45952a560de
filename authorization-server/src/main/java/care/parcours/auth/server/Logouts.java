package care.parcours.auth.server;

import java.util.Optional;

import care.parcours.events.auth.SessionEnded;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * A person logging out ends their session ({@link Sessions}), whichever way the front end
 * does it. Spring Authorization Server on its own does neither: its RP-initiated logout
 * ends the login's browser session only, so the refresh token kept working; its token
 * revocation marks the given token unusable at this server only, so access tokens kept
 * working at the services until they expired. On a shared workstation in a clinic the
 * next person at the keyboard must find nothing of the last one's session.
 */
@Component
class Logouts {

	private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

	private final OAuth2AuthorizationService authorizations;

	private final Sessions sessions;

	private final RefreshTokenRotations rotations;

	Logouts(OAuth2AuthorizationService authorizations, Sessions sessions, RefreshTokenRotations rotations) {
		this.authorizations = authorizations;
		this.sessions = sessions;
		this.rotations = rotations;
	}

	/**
	 * After RFC 7009 revocation of either of the session's tokens: ends the session, then
	 * answers 200 as the endpoint does (also for a token it does not know, so that the
	 * answer tells nothing).
	 */
	AuthenticationSuccessHandler afterRevocation() {
		return (request, response, authentication) -> {
			if (authentication instanceof OAuth2TokenRevocationAuthenticationToken revocation
					&& revocation.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
					&& client.getRegisteredClient() != null) {
				String token = revocation.getToken();
				// A refresh token another tab has just replaced is unknown to the
				// revocation endpoint, which then checks nothing: the session it names
				// ends only if it is the calling client's.
				Optional<String> session = rotations.retired(RefreshTokenRotations.hash(token))
					.map(RefreshTokenRotations.Retired::authorizationId)
					.or(() -> Optional.ofNullable(authorizations.findByToken(token, null))
						.map(OAuth2Authorization::getId));
				session
					.ifPresent(id -> sessions.end(id, client.getRegisteredClient().getId(), SessionEnded.LOGGED_OUT));
			}
			response.setStatus(HttpServletResponse.SC_OK);
		};
	}

	/**
	 * After OpenID Connect RP-initiated logout: ends the session its ID token belongs to,
	 * then does what the endpoint does (ends the browser's login, redirects to the
	 * client's post-logout address). The ID token is all it takes, since the browser's
	 * login at this server lasts minutes and the session hours: whoever finds the latest
	 * one (a front end should POST it, to keep it out of addresses and history) can log
	 * the person out, nothing more.
	 */
	AuthenticationSuccessHandler afterOidcLogout() {
		OidcLogoutAuthenticationSuccessHandler logout = new OidcLogoutAuthenticationSuccessHandler();
		return (request, response, authentication) -> {
			if (authentication instanceof OidcLogoutAuthenticationToken oidcLogout && oidcLogout.getIdToken() != null) {
				OAuth2Authorization session = authorizations.findByToken(oidcLogout.getIdToken().getTokenValue(),
						ID_TOKEN);
				if (session != null) {
					sessions.end(session.getId(), session.getRegisteredClientId(), SessionEnded.LOGGED_OUT);
				}
			}
			logout.onAuthenticationSuccess(request, response, authentication);
		};
	}

}
