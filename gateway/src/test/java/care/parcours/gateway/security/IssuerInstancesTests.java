package care.parcours.gateway.security;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import static org.assertj.core.api.Assertions.assertThat;

class IssuerInstancesTests {

	private static final URI FIRST = URI.create("http://127.0.0.1:9000/oauth2/jwks");

	private static final URI SECOND = URI.create("http://127.0.0.1:9010/oauth2/jwks");

	private static final URI THIRD = URI.create("http://127.0.0.1:9020/oauth2/jwks");

	private final List<URI> asked = new CopyOnWriteArrayList<>();

	@Test
	void keysComeFromTheNextInstanceWhenTheFirstIsDownOrFails() {
		ExchangeFunction instances = instances(Map.of(FIRST, Mono.error(new ConnectException("Connection refused")),
				SECOND, Mono.just(ClientResponse.create(HttpStatus.SERVICE_UNAVAILABLE).build()), THIRD,
				Mono.just(ClientResponse.create(HttpStatus.OK).build())));

		ClientResponse response = new IssuerInstances(List.of(FIRST, SECOND, THIRD))
			.filter(ClientRequest.create(HttpMethod.GET, FIRST).build(), instances)
			.block();

		assertThat(response.statusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.asked).containsExactly(FIRST, SECOND, THIRD);
	}

	@Test
	void theFirstInstanceAloneIsAskedWhileItAnswers() {
		ExchangeFunction instances = instances(Map.of(FIRST, Mono.just(ClientResponse.create(HttpStatus.OK).build())));

		new IssuerInstances(List.of(FIRST, SECOND))
			.filter(ClientRequest.create(HttpMethod.GET, FIRST).build(), instances)
			.block();

		assertThat(this.asked).containsExactly(FIRST);
	}

	@Test
	void theLastInstancesFailureStandsWhenAllFail() {
		ExchangeFunction instances = instances(Map.of(FIRST, Mono.error(new ConnectException("Connection refused")),
				SECOND, Mono.just(ClientResponse.create(HttpStatus.BAD_GATEWAY).build())));

		ClientResponse response = new IssuerInstances(List.of(FIRST, SECOND))
			.filter(ClientRequest.create(HttpMethod.GET, FIRST).build(), instances)
			.block();

		assertThat(response.statusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
	}

	private ExchangeFunction instances(Map<URI, Mono<ClientResponse>> answers) {
		return (request) -> {
			this.asked.add(request.url());
			return answers.get(request.url());
		};
	}

}
