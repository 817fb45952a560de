package care.parcours.gateway.security;

import care.parcours.http.BearerCredentials;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads the bearer token from the {@code Authorization} header as Spring Security's
 * converter does, without its regular expression ({@link BearerCredentials}): a header
 * starting with {@code bearer} but otherwise malformed is an invalid token. Tokens in
 * query parameters are not looked for, as by default there.
 */
final class BearerTokens implements ServerAuthenticationConverter {

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (!BearerCredentials.isBearer(authorization)) {
			return Mono.empty();
		}
		String token = BearerCredentials.tokenOf(authorization);
		if (token == null) {
			return Mono
				.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
		}
		return Mono.just(new BearerTokenAuthenticationToken(token));
	}

}
