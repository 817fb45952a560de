package care.parcours.auth.server;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * Lets a public client (the web front end) use its refresh token. Spring Authorization
 * Server authenticates a public client only by the PKCE code verifier of an authorization
 * code; at refresh there is none, and the one-use refresh token itself is the proof
 * (OAuth 2.0 Security BCP, section 4.14.2). Recognises
 * {@code grant_type=refresh_token&client_id=…} without any secret.
 */
@Component
class PublicClientRefresh {

	private static final String REFRESH = AuthorizationGrantType.REFRESH_TOKEN.getValue();

	private final RegisteredClientRepository clients;

	PublicClientRefresh(RegisteredClientRepository clients) {
		this.clients = clients;
	}

	AuthenticationConverter converter() {
		return PublicClientRefresh::convert;
	}

	AuthenticationProvider provider() {
		return new Provider();
	}

	private static @Nullable Authentication convert(HttpServletRequest request) {
		if (!HttpMethod.POST.matches(request.getMethod())
				|| !REFRESH.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
			return null;
		}
		String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		if (clientIds == null || clientIds.length != 1 || clientIds[0].isBlank()) {
			return null;
		}
		return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null,
				Map.of(OAuth2ParameterNames.GRANT_TYPE, REFRESH));
	}

	/** Authenticates a public client allowed refresh tokens, by its id alone. */
	private final class Provider implements AuthenticationProvider {

		@Override
		public @Nullable Authentication authenticate(Authentication authentication) {
			OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) authentication;
			if (!ClientAuthenticationMethod.NONE.equals(client.getClientAuthenticationMethod())
					|| !REFRESH.equals(client.getAdditionalParameters().get(OAuth2ParameterNames.GRANT_TYPE))) {
				return null;
			}
			RegisteredClient registered = clients.findByClientId(String.valueOf(client.getPrincipal()));
			if (registered == null
					|| !registered.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)
					|| !registered.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
				throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
			}
			return new OAuth2ClientAuthenticationToken(registered, ClientAuthenticationMethod.NONE, null);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
		}

	}

}
