package care.parcours.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.ErrorResponse;

/**
 * Turns whatever failed inside the gateway into the problem the client is told about.
 * Failures to reach a service are told apart by their cause, since the gateway, the
 * breaker and Reactor Netty each wrap them differently.
 */
final class GatewayProblems {

	/**
	 * Route metadata naming the service behind a route, for routes whose id is not the
	 * service's name (its OpenAPI document, the authorization server's login route).
	 */
	static final String SERVICE_METADATA = "service";

	/**
	 * A service's calls in flight free up within a request's time: a client refused
	 * because they were all taken may try again soon, unlike one refused by an open
	 * breaker.
	 */
	static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

	private GatewayProblems() {
	}

	/**
	 * @param error what failed
	 * @param route the route the request matched, if it got that far
	 */
	static GatewayProblem describe(Throwable error, @Nullable Route route) {
		if (error instanceof RequestRefused refused) {
			return refused.problem();
		}
		if (causedBy(error, AuthenticationServiceException.class)) {
			// The token could not be checked at all (the issuer's keys are out of reach):
			// not the client's fault, and worth a retry.
			return new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
					"Tokens cannot be checked right now. Try again shortly.");
		}
		if (causedBy(error, ServerExchangeRejectedException.class)) {
			// The strict firewall found a header it refuses only once a filter read it.
			return ofStatus(HttpStatus.BAD_REQUEST);
		}
		HttpStatusCode declared = (error instanceof ErrorResponse response) ? response.getStatusCode() : null;
		if (declared != null && declared.is4xxClientError()) {
			HttpStatus status = HttpStatus.resolve(declared.value());
			return ofStatus((status != null) ? status : HttpStatus.BAD_REQUEST);
		}
		if (route != null) {
			String service = String.valueOf(route.getMetadata().getOrDefault(SERVICE_METADATA, route.getId()))
				.replace('-', ' ');
			if (causedBy(error, ConnectException.class, UnknownHostException.class, CallNotPermittedException.class,
					ServiceUnavailableException.class)) {
				return new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
						"The " + service + " is not available right now. Try again shortly.");
			}
			if (causedBy(error, BulkheadFullException.class)) {
				// Nothing was sent to the service: safe to retry, writes included.
				return new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-busy",
						"The " + service + " has too many requests in progress. Try again in a moment.",
						BUSY_RETRY_AFTER);
			}
			if (isTimeout(error, declared)) {
				// A write may have gone through before the answer was late:
				// say so, rather than invite a blind retry.
				return new GatewayProblem(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "The " + service
						+ " did not answer in time. The request may or may not have been carried out.");
			}
			if (causedBy(error, IOException.class)) {
				return new GatewayProblem(HttpStatus.BAD_GATEWAY, "bad-gateway",
						"The " + service + " ended the exchange without a complete answer.");
			}
		}
		return ofStatus(HttpStatus.INTERNAL_SERVER_ERROR);
	}

	private static boolean isTimeout(Throwable error, @Nullable HttpStatusCode declared) {
		return (declared != null && declared.value() == HttpStatus.GATEWAY_TIMEOUT.value()) || causedBy(error,
				TimeoutException.class, org.springframework.cloud.gateway.support.TimeoutException.class);
	}

	/** A problem that only has its status to go by; the detail is fixed per status. */
	static GatewayProblem ofStatus(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST -> new GatewayProblem(status, "bad-request", "The request could not be understood.");
			case UNAUTHORIZED ->
				new GatewayProblem(status, "unauthorized", "A valid bearer token is needed for this path.");
			case FORBIDDEN -> new GatewayProblem(status, "forbidden", "The request is not allowed.");
			case NOT_FOUND -> new GatewayProblem(status, "not-found", "There is nothing at this path.");
			case METHOD_NOT_ALLOWED ->
				new GatewayProblem(status, "method-not-allowed", "This method is not allowed on this path.");
			case NOT_ACCEPTABLE ->
				new GatewayProblem(status, "not-acceptable", "None of the accepted media types can be produced.");
			case CONTENT_TOO_LARGE -> new GatewayProblem(status, "payload-too-large", "The request is too large.");
			case UNSUPPORTED_MEDIA_TYPE ->
				new GatewayProblem(status, "unsupported-media-type", "This media type is not supported here.");
			case TOO_MANY_REQUESTS ->
				new GatewayProblem(status, "too-many-requests", "Too many requests. Try again shortly.");
			case REQUEST_HEADER_FIELDS_TOO_LARGE ->
				new GatewayProblem(status, "headers-too-large", "The request headers are too large.");
			default -> status.is4xxClientError()
					? new GatewayProblem(status, "client-error",
							"The request was refused: " + status.getReasonPhrase() + ".")
					: new GatewayProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
							"The gateway could not handle the request. Quote the correlation id when reporting it.");
		};
	}

	@SafeVarargs
	private static boolean causedBy(Throwable error, Class<? extends Throwable>... types) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			for (Class<? extends Throwable> type : types) {
				if (type.isInstance(cause)) {
					return true;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
