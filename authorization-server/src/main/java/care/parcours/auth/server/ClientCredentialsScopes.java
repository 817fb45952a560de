package care.parcours.auth.server;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.stereotype.Component;

/**
 * A client-credentials request without {@code scope} gets every scope the client is
 * registered with (RFC 6749 section 3.3 lets the server pick a default); Spring
 * Authorization Server would grant none, and a partner would get a token that opens
 * nothing.
 */
@Component
class ClientCredentialsScopes {

	private final AuthenticationConverter requests = new OAuth2ClientCredentialsAuthenticationConverter();

	/** Converts client-credentials token requests in place of Spring's own converter. */
	AuthenticationConverter converter() {
		return this::convert;
	}

	private @Nullable Authentication convert(HttpServletRequest request) {
		Authentication converted = requests.convert(request);
		if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token && token.getScopes().isEmpty()
				&& token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) {
			RegisteredClient registered = client.getRegisteredClient();
			if (registered != null && !registered.getScopes().isEmpty()) {
				return new OAuth2ClientCredentialsAuthenticationToken(client, registered.getScopes(),
						token.getAdditionalParameters());
			}
		}
		return converted;
	}

}
