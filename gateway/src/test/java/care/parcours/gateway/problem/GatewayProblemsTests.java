package care.parcours.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayProblemsTests {

	static final Route scheduling = Route.async()
		.id("scheduling-service")
		.uri(URI.create("http://scheduling.internal:8082"))
		.predicate((exchange) -> true)
		.build();

	@Test
	void refusedConnectionIsServiceUnavailableNamingTheService() {
		GatewayProblem problem = GatewayProblems
			.describe(new ConnectException("Connection refused: scheduling.internal/10.0.0.7:8082"), scheduling);

		assertThat(problem).isEqualTo(new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"The scheduling service is not available right now. Try again shortly."));
	}

	@Test
	void connectTimeoutAndOpenBreakerAreServiceUnavailableToo() {
		CallNotPermittedException open = CallNotPermittedException
			.createCallNotPermittedException(CircuitBreaker.ofDefaults("scheduling-service"));

		assertThat(GatewayProblems.describe(new ConnectTimeoutException("timed out"), scheduling).slug())
			.isEqualTo("service-unavailable");
		assertThat(GatewayProblems.describe(new ServiceUnavailableException(), scheduling).slug())
			.isEqualTo("service-unavailable");
		assertThat(GatewayProblems.describe(open, scheduling).slug()).isEqualTo("service-unavailable");
	}

	@Test
	void fullBulkheadIsABusyServiceToTryAgainInASecond() {
		BulkheadFullException full = BulkheadFullException
			.createBulkheadFullException(Bulkhead.ofDefaults("scheduling-service"));

		GatewayProblem problem = GatewayProblems.describe(full, scheduling);

		assertThat(problem).isEqualTo(new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-busy",
				"The scheduling service has too many requests in progress. Try again in a moment.",
				Duration.ofSeconds(1)));
	}

	@Test
	void responseTimeoutIsGatewayTimeout() {
		ResponseStatusException timeout = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
				"Response took longer than timeout: PT10S", new TimeoutException("late"));

		GatewayProblem problem = GatewayProblems.describe(timeout, scheduling);

		assertThat(problem.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(problem.type()).isEqualTo(URI.create("https://parcours.care/problems/gateway-timeout"));
	}

	@Test
	void answerCutOffMidwayIsBadGateway() {
		GatewayProblem problem = GatewayProblems.describe(new IOException("Connection reset by peer"), scheduling);

		assertThat(problem.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
	}

	@Test
	void clientErrorsKeepTheirStatus() {
		assertThat(GatewayProblems.describe(new ResponseStatusException(HttpStatus.NOT_FOUND), null).slug())
			.isEqualTo("not-found");
		assertThat(GatewayProblems.describe(new MethodNotAllowedException("DELETE", java.util.List.of()), null).slug())
			.isEqualTo("method-not-allowed");
		assertThat(GatewayProblems.describe(new ResponseStatusException(HttpStatus.BAD_REQUEST), scheduling).slug())
			.isEqualTo("bad-request");
	}

	@Test
	void anythingElseIsAnInternalErrorThatKeepsItsMessageToItself() {
		GatewayProblem problem = GatewayProblems.describe(new IllegalStateException("pool at 10.0.0.7 exhausted"),
				scheduling);

		assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(problem.slug()).isEqualTo("internal-error");
		assertThat(problem.detail()).doesNotContain("10.0.0.7", "pool");
	}

	@Test
	void refusalKeepsItsOwnProblem() {
		RequestRefused refused = RequestRefused.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Slow down.");

		assertThat(GatewayProblems.describe(refused, scheduling))
			.isEqualTo(new GatewayProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Slow down."));
	}

	@Test
	void tokensThatCannotBeCheckedAreServiceUnavailable() {
		GatewayProblem problem = GatewayProblems.describe(
				new AuthenticationServiceException("Couldn't retrieve remote JWK set from http://10.0.0.9"), null);

		assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(problem.detail()).doesNotContain("10.0.0.9");
	}

	@Test
	void headerTheFirewallRefusesIsABadRequest() {
		assertThat(GatewayProblems.describe(new ServerExchangeRejectedException("bad header"), null).slug())
			.isEqualTo("bad-request");
	}

	@Test
	void documentRouteIsNamedAfterItsService() {
		Route document = Route.async()
			.id("billing-service-api-docs")
			.uri(URI.create("http://billing.internal:8083"))
			.predicate((exchange) -> true)
			.metadata(GatewayProblems.SERVICE_METADATA, "billing-service")
			.build();

		assertThat(GatewayProblems.describe(new ConnectException("refused"), document).detail())
			.startsWith("The billing service is not available");
	}

}
