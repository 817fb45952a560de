package care.parcours.platform.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IssuerInstancesTests {

	private static final String KEYS = "{\"keys\": []}";

	private final HttpServer answering = server(200, KEYS);

	private final HttpServer failing = server(503, "");

	@AfterEach
	void stop() {
		this.answering.stop(0);
		this.failing.stop(0);
	}

	@Test
	void keysComeFromTheNextInstanceWhenTheFirstIsDown() {
		RestTemplate client = client(List.of(closedPort(), at(this.answering)));

		assertThat(client.getForObject(closedPort(), String.class)).isEqualTo(KEYS);
	}

	@Test
	void keysComeFromTheNextInstanceWhenTheFirstFails() {
		RestTemplate client = client(List.of(at(this.failing), at(this.answering)));

		assertThat(client.getForObject(at(this.failing), String.class)).isEqualTo(KEYS);
	}

	@Test
	void theLastInstancesAnswerStandsWhenAllFail() {
		RestTemplate client = client(List.of(at(this.failing), at(this.failing)));

		assertThatExceptionOfType(HttpServerErrorException.class)
			.isThrownBy(() -> client.getForObject(at(this.failing), String.class));
	}

	private static RestTemplate client(List<URI> uris) {
		RestTemplate client = new RestTemplate();
		client.getInterceptors().add(new IssuerInstances(uris));
		return client;
	}

	private static URI at(HttpServer server) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth2/jwks");
	}

	private static URI closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/oauth2/jwks");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpServer server(int status, String body) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/oauth2/jwks", (exchange) -> {
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
				try (var out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
