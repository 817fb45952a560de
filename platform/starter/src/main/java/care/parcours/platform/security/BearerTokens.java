package care.parcours.platform.security;

import care.parcours.http.BearerCredentials;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads the bearer token from the {@code Authorization} header as Spring Security's
 * resolver does, without its regular expression ({@link BearerCredentials}): a header
 * starting with {@code bearer} but otherwise malformed is an invalid token. Tokens in
 * query parameters or form bodies are not looked for, as by default there.
 */
final class BearerTokens implements BearerTokenResolver {

	@Override
	public @Nullable String resolve(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (!BearerCredentials.isBearer(authorization)) {
			return null;
		}
		String token = BearerCredentials.tokenOf(authorization);
		if (token == null) {
			throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
		}
		return token;
	}

}
