package care.parcours.gateway.correlation;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a correlation id. A web filter rather than a gateway
 * {@code GlobalFilter}: global filters only see requests that matched a route, and the
 * 404s, actuator calls and errors need the id as much as routed calls do.
 */
@Component
class CorrelationIdWebFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		// First, so that everything after it, error handling included, sees the id.
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		CorrelationId id = CorrelationId
			.acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER));
		exchange.getAttributes().put(CorrelationId.ATTRIBUTE, id);
		ServerHttpResponse response = exchange.getResponse();
		// Set, not added, at commit time: the gateway appends the downstream
		// headers, and a service echoing the id would make the client see it twice.
		response.beforeCommit(() -> {
			response.getHeaders().set(CorrelationId.HEADER, id.value());
			return Mono.empty();
		});
		ServerHttpRequest request = exchange.getRequest()
			.mutate()
			.headers((headers) -> headers.set(CorrelationId.HEADER, id.value()))
			.build();
		return chain.filter(exchange.mutate().request(request).build())
			.contextWrite(Context.of(CorrelationId.KEY, id.value()));
	}

}
