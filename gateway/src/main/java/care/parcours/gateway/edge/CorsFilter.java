package care.parcours.gateway.edge;

import java.util.List;

import reactor.core.publisher.Mono;

import care.parcours.gateway.problem.RequestRefused;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * CORS for the configured front-end origins, on every path, answered before security (a
 * preflight carries no token). A cross-origin request from any other origin gets a 403
 * problem. The gateway is the one place that speaks CORS: headers a service or the
 * authorization server adds as well are reduced to one, or browsers refuse the answer. No
 * credentials: the front ends send bearer tokens, not cookies.
 */
@Component
class CorsFilter implements WebFilter, Ordered {

	private static final List<String> SINGLE_VALUED = List.of(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN,
			HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
			HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
			HttpHeaders.ACCESS_CONTROL_MAX_AGE);

	private final CorsConfiguration configuration = new CorsConfiguration();

	private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

	CorsFilter(CorsProperties properties) {
		this.configuration.setAllowedOrigins(properties.allowedOrigins());
		this.configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		this.configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
				HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH,
				"Idempotency-Key", "X-Correlation-Id"));
		this.configuration.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
				HttpHeaders.WWW_AUTHENTICATE, "X-Correlation-Id"));
		this.configuration.setAllowCredentials(false);
		this.configuration.setMaxAge(properties.maxAge());
	}

	@Override
	public int getOrder() {
		// Right after the correlation id, before Spring Security (-100).
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		if (!this.processor.process(this.configuration, exchange)) {
			return Mono.error(RequestRefused.of(HttpStatus.FORBIDDEN, "cors-origin-refused",
					"Requests from this origin are not allowed."));
		}
		if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
			return Mono.empty();
		}
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			keepFirstValues(response.getHeaders());
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private static void keepFirstValues(HttpHeaders headers) {
		for (String name : SINGLE_VALUED) {
			List<String> values = headers.get(name);
			if (values != null && values.size() > 1) {
				headers.set(name, values.getFirst());
			}
		}
	}

}
