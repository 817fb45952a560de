package care.parcours.auth.server;

import care.parcours.events.auth.SessionEnded;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
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
			if (authentication instanceof OAuth2TokenRevocationAuthenticationToken revocation) {
				// A refresh token another tab has just replaced (the revocation endpoint
				// found nothing for it) still names the session to end.
				rotations.retired(RefreshTokenRotations.hash(revocation.getToken()))
					.ifPresentOrElse(retired -> sessions.end(retired.authorizationId(), SessionEnded.LOGGED_OUT),
							() -> end(authorizations.findByToken(revocation.getToken(), null)));
			}
			response.setStatus(HttpServletResponse.SC_OK);
		};
	}

	/**
	 * After OpenID Connect RP-initiated logout: ends the session its ID token belongs to,
	 * then does what the endpoint does (ends the browser's login, redirects to the
	 * client's post-logout address).
	 */
	AuthenticationSuccessHandler afterOidcLogout() {
		OidcLogoutAuthenticationSuccessHandler logout = new OidcLogoutAuthenticationSuccessHandler();
		return (request, response, authentication) -> {
			if (authentication instanceof OidcLogoutAuthenticationToken oidcLogout && oidcLogout.getIdToken() != null) {
				end(authorizations.findByToken(oidcLogout.getIdToken().getTokenValue(), ID_TOKEN));
			}
			logout.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private void end(@Nullable OAuth2Authorization session) {
		if (session != null) {
			sessions.end(session.getId(), SessionEnded.LOGGED_OUT);
		}
	}

}
