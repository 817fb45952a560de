package care.parcours.gateway.security;

import reactor.core.publisher.Mono;

import care.parcours.gateway.problem.RequestRefused;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns a missing or refused token into the gateway's 401 problem, with the RFC 6750
 * challenge. Raised as an error rather than written here, so that the one problem
 * renderer answers it like every other gateway error. The reason a token was refused
 * (expired, wrong audience, bad signature) is not told: it helps an attacker more than a
 * client, whose remedy is the same, a new token.
 */
final class BearerTokenRefusal implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	private static final String NO_TOKEN = "Bearer";

	private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\", "
			+ "error_description=\"The token is invalid, expired or not meant for this API\"";

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refused) {
		boolean tokenSent = refused instanceof OAuth2AuthenticationException;
		String detail = tokenSent ? "The bearer token is invalid, has expired or is not meant for this API."
				: "A bearer token is needed for this path.";
		String challenge = tokenSent ? INVALID_TOKEN : NO_TOKEN;
		// Same types as the services' (platform starter), so that a client handles both
		// alike.
		return Mono
			.error(RequestRefused.of(HttpStatus.UNAUTHORIZED, tokenSent ? "invalid-token" : "unauthorized", detail)
				.withHeaders((headers) -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge)));
	}

	/** Not expected (the gateway checks no roles), but a problem all the same. */
	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return Mono.error(RequestRefused.of(HttpStatus.FORBIDDEN, "forbidden", "The request is not allowed."));
	}

}
