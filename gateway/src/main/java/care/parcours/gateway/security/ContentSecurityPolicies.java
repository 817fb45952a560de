package care.parcours.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;

/**
 * A Content-Security-Policy for what the gateway serves: the Swagger UI gets what it
 * needs to run from the gateway's own origin (its scripts, inline styles, data: icons);
 * everything else (JSON, problems) gets a policy that allows nothing, so that a response
 * rendered by mistake as a page can run no script and sit in no frame. A policy a service
 * set itself is left alone.
 */
final class ContentSecurityPolicies implements ServerHttpHeadersWriter {

	static final String HEADER = "Content-Security-Policy";

	static final String SWAGGER_UI = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String NOTHING = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	@Override
	public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		if (!headers.containsHeader(HEADER)) {
			headers.set(HEADER, isSwaggerUi(exchange.getRequest().getPath().value()) ? SWAGGER_UI : NOTHING);
		}
		return Mono.empty();
	}

	private static boolean isSwaggerUi(String path) {
		return path.equals("/swagger-ui.html") || path.startsWith("/swagger-ui/")
				|| path.startsWith("/webjars/swagger-ui/");
	}

}
