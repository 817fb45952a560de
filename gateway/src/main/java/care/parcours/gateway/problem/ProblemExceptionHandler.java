package care.parcours.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import care.parcours.gateway.correlation.CorrelationId;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers every error raised in the gateway with problem+json. Replaces Boot's default
 * handler (which writes its own JSON shape) and is the only error renderer:
 * {@code spring.webflux.problemdetails.enabled} stays off, because its controller advice
 * would catch 404s and 405s first and answer without our types or the correlation id.
 */
@Component
class ProblemExceptionHandler implements ErrorWebExceptionHandler, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	private static final String CORS_HEADERS = "Access-Control-";

	private final ObjectMapper json;

	private final ProblemProperties properties;

	ProblemExceptionHandler(ObjectMapper json, ProblemProperties properties) {
		this.json = json;
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		// Boot's default handler's place, ahead of Spring's bare-status handler at 0.
		return -1;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			// Too late for a problem: a downstream answer is already on its way out.
			return Mono.error(error);
		}
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		GatewayProblem problem = GatewayProblems.describe(error, route);
		CorrelationId correlationId = CorrelationId.of(exchange);
		log(problem, error, exchange, correlationId);
		ProblemBody body = ProblemBody.of(problem, exchange.getRequest().getPath().value(), correlationId.value());

		// Whatever a failed downstream attempt left behind does not describe this answer;
		// the CORS headers do, or a browser would hide the problem from the front end.
		HttpHeaders headers = response.getHeaders();
		HttpHeaders cors = new HttpHeaders();
		headers.forEach((name, values) -> {
			if (name.regionMatches(true, 0, CORS_HEADERS, 0, CORS_HEADERS.length())) {
				cors.addAll(name, values);
			}
		});
		headers.clear();
		headers.addAll(cors);
		if (error instanceof ErrorResponse errorResponse && problem.status().is4xxClientError()) {
			headers.addAll(errorResponse.getHeaders()); // Allow on a 405, for instance
		}
		if (problem.retryAfter() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfter().toSeconds()));
		}
		else if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(this.properties.retryAfter().toSeconds()));
		}
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.set(CorrelationId.HEADER, correlationId.value());
		response.setStatusCode(problem.status());
		byte[] bytes = this.json.writeValueAsBytes(body);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
	}

	private void log(GatewayProblem problem, Throwable error, ServerWebExchange exchange, CorrelationId id) {
		if (problem.status().is4xxClientError()) {
			return; // the client's mistake, visible in the access metrics
		}
		// The request's trace and span too, as a service's lines carry them: this line is
		// written off the request's thread-locals.
		Map<String, String> context = new LinkedHashMap<>();
		context.put(CorrelationId.KEY, id.value());
		ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((observation) -> observation.<TracingObservationHandler.TracingContext>get(
					TracingObservationHandler.TracingContext.class))
			.map((tracing) -> tracing.getSpan())
			.ifPresent((span) -> {
				TraceContext trace = span.context();
				context.put("traceId", trace.traceId());
				context.put("spanId", trace.spanId());
			});
		context.forEach(MDC::put);
		try {
			String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
			if (problem.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
				log.error("{} failed", request, error);
			}
			else {
				// Expected when a service is down or slow: one line, no stack trace.
				log.warn("{} answered {}: {}", request, problem.status().value(), error.toString());
			}
		}
		finally {
			context.keySet().forEach(MDC::remove);
		}
	}

}
