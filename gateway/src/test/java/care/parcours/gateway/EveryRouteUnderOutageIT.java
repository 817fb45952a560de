package care.parcours.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static care.parcours.gateway.ProblemExpectations.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route, while the service behind it restarts (its port refuses connections), is
 * paused (connections accepted, never answered: SIGSTOP) or dies in the middle of a
 * request (the connection closed without an answer): the client gets a problem at once or
 * within the route's response timeout, never a request left hanging. A new route must be
 * added to {@link #SAMPLES}, so that it is held to the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "parcours.gateway.timeouts.default-ms=1500", "parcours.gateway.refused-pause=0s",
				// The breakers' own answer (503) is ServiceOutageIT's and SlowServiceIT's
				// subject: here each attempt reaches the service.
				"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=1000" })
@AutoConfigureWebTestClient
class EveryRouteUnderOutageIT {

	/** A request on each route: method and path. */
	static final Map<String, List<String>> SAMPLES = Map.ofEntries(
			Map.entry("authorization-server-sign-in", List.of("POST", "/oauth2/token")),
			Map.entry("authorization-server", List.of("GET", "/.well-known/openid-configuration")),
			Map.entry("patient-service", List.of("GET", "/api/patients/p-1")),
			Map.entry("scheduling-service", List.of("GET", "/api/appointments/a-1")),
			Map.entry("billing-service", List.of("GET", "/api/invoices/inv-1")),
			Map.entry("partner-service", List.of("GET", "/api/partners/h-1")),
			Map.entry("patient-service-api-docs", List.of("GET", "/v3/api-docs/patient-service")),
			Map.entry("scheduling-service-api-docs", List.of("GET", "/v3/api-docs/scheduling-service")),
			Map.entry("billing-service-api-docs", List.of("GET", "/v3/api-docs/billing-service")),
			Map.entry("partner-service-api-docs", List.of("GET", "/v3/api-docs/partner-service")));

	static final FaultyService service = new FaultyService();

	@Autowired
	WebTestClient client;

	@Autowired
	RouteLocator routes;

	@Autowired
	CircuitBreakerRegistry breakers;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TestTokens.trustTestKeys(registry);
		for (String service : List.of("PATIENT", "SCHEDULING", "BILLING", "PARTNER", "AUTH")) {
			registry.add("PARCOURS_" + service + "_URL", EveryRouteUnderOutageIT.service::url);
		}
	}

	@BeforeEach
	void signInAndResetBreakers() {
		this.client = this.client.mutate()
			.defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forUser("coordinator-1")))
			// Longer than any route's response timeout and its one retry, shorter than
			// "hanging".
			.responseTimeout(Duration.ofSeconds(8))
			.build();
		this.breakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
	}

	@AfterAll
	static void stopService() {
		service.close();
	}

	@Test
	void everyRouteIsHeldToTheseTests() {
		List<String> ids = this.routes.getRoutes().map(Route::getId).collectList().block();
		assertThat(ids).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
	}

	@Test
	void whileItsServiceRestartsEveryRouteAnswers503WithRetryAfter() {
		service.refuse();
		try {
			SAMPLES.forEach((route, sample) -> {
				EntityExchangeResult<String> result = expectProblem(call(sample), 503, "service-unavailable",
						sample.get(1));
				assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).as(route).isNotBlank();
			});
		}
		finally {
			service.accept();
		}
	}

	@Test
	void whileItsServiceIsPausedEveryRouteAnswers504WithinItsTimeout() {
		service.answer(FaultyService.Mode.HANG);
		SAMPLES.forEach((route, sample) -> expectProblem(call(sample), 504, "gateway-timeout", sample.get(1)));
	}

	@Test
	void whenItsServiceDiesMidRequestEveryRouteAnswersAProblemAtOnce() {
		service.answer(FaultyService.Mode.DROP);
		SAMPLES.forEach((route, sample) -> expectProblem(call(sample), 502, "bad-gateway", sample.get(1)));
	}

	private EntityExchangeResult<String> call(List<String> sample) {
		return this.client.method(HttpMethod.valueOf(sample.get(0)))
			.uri(sample.get(1))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}

	/**
	 * A service's port: refusing connections (restarting), or accepting them and then
	 * never answering (paused) or closing them once the request is read (killed).
	 */
	static final class FaultyService implements AutoCloseable {

		enum Mode {

			HANG, DROP

		}

		private final int port = DownstreamStub.unusedPort();

		private final List<Socket> held = new CopyOnWriteArrayList<>();

		private volatile Mode mode = Mode.HANG;

		private volatile ServerSocket server;

		FaultyService() {
			accept();
		}

		String url() {
			return "http://127.0.0.1:" + this.port;
		}

		void answer(Mode mode) {
			this.mode = mode;
		}

		synchronized void accept() {
			try {
				ServerSocket socket = new ServerSocket();
				socket.setReuseAddress(true);
				socket.bind(new InetSocketAddress("127.0.0.1", this.port));
				this.server = socket;
				Thread.ofVirtual().start(() -> serve(socket));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		synchronized void refuse() {
			closeQuietly(this.server);
			this.held.forEach(FaultyService::closeQuietly);
			this.held.clear();
		}

		private void serve(ServerSocket socket) {
			while (!socket.isClosed()) {
				try {
					Socket connection = socket.accept();
					Thread.ofVirtual().start(() -> handle(connection));
				}
				catch (IOException ex) {
					return;
				}
			}
		}

		private void handle(Socket connection) {
			try {
				InputStream in = connection.getInputStream();
				byte[] buffer = new byte[8192];
				// The request's head, then the fault.
				if (in.read(buffer) < 0) {
					return;
				}
				if (this.mode == Mode.DROP) {
					connection.setSoLinger(true, 0);
					connection.close();
				}
				else {
					this.held.add(connection);
				}
			}
			catch (SocketException ex) {
				// closed by the gateway
			}
			catch (IOException ex) {
				closeQuietly(connection);
			}
		}

		@Override
		public void close() {
			refuse();
		}

		private static void closeQuietly(AutoCloseable closeable) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				// nothing to do
			}
		}

	}

}
