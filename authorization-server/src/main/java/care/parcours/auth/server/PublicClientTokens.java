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
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Lets a public client (the web front end) use its refresh token, and give its tokens
 * back when the person logs out. Spring Authorization Server authenticates a public
 * client only by the PKCE code verifier of an authorization code; at refresh and at
 * revocation there is none, and the token itself is the proof (OAuth 2.0 Security BCP,
 * section 4.14.2; RFC 7009, section 2.1, which also has the revocation endpoint check
 * that the token is the client's). Recognises
 * {@code grant_type=refresh_token&client_id=…} at the token endpoint and
 * {@code token=…&client_id=…} at the revocation endpoint, without any secret, and nothing
 * anywhere else (introspection, say).
 */
@Component
class PublicClientTokens {

	/** What the client authenticates for, among the token's additional parameters. */
	private static final String PURPOSE = PublicClientTokens.class.getName() + ".purpose";

	private static final String REFRESH = AuthorizationGrantType.REFRESH_TOKEN.getValue();

	private static final String REVOCATION = "revocation";

	private final RegisteredClientRepository clients;

	private final RequestMatcher tokenEndpoint;

	private final RequestMatcher revocationEndpoint;

	PublicClientTokens(RegisteredClientRepository clients, AuthorizationServerSettings settings) {
		this.clients = clients;
		this.tokenEndpoint = PathPatternRequestMatcher.withDefaults()
			.matcher(HttpMethod.POST, settings.getTokenEndpoint());
		this.revocationEndpoint = PathPatternRequestMatcher.withDefaults()
			.matcher(HttpMethod.POST, settings.getTokenRevocationEndpoint());
	}

	AuthenticationConverter converter() {
		return this::convert;
	}

	AuthenticationProvider provider() {
		return new Provider();
	}

	private @Nullable Authentication convert(HttpServletRequest request) {
		if (!HttpMethod.POST.matches(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
			return null;
		}
		String purpose = purposeOf(request);
		String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
		if (purpose == null || clientIds == null || clientIds.length != 1 || clientIds[0].isBlank()) {
			return null;
		}
		return new OAuth2ClientAuthenticationToken(clientIds[0], ClientAuthenticationMethod.NONE, null,
				Map.of(PURPOSE, purpose));
	}

	private @Nullable String purposeOf(HttpServletRequest request) {
		if (REFRESH.equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE)) && tokenEndpoint.matches(request)) {
			return REFRESH;
		}
		if (request.getParameter(OAuth2ParameterNames.TOKEN) != null && revocationEndpoint.matches(request)) {
			return REVOCATION;
		}
		return null;
	}

	/** Authenticates a public client allowed refresh tokens, by its id alone. */
	private final class Provider implements AuthenticationProvider {

		@Override
		public @Nullable Authentication authenticate(Authentication authentication) {
			OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) authentication;
			if (!ClientAuthenticationMethod.NONE.equals(client.getClientAuthenticationMethod())
					|| !client.getAdditionalParameters().containsKey(PURPOSE)) {
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
