package care.parcours.gateway.security;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Fetches the issuer's signing keys from the first of its instances that answers, as the
 * services do: a key request that fails or gets a 5xx goes to the next address. Spring
 * Security's decoder knows one JWK set URI, the first; without this, a gateway started
 * while that instance is down would refuse every token until it came back.
 */
final class IssuerInstances implements ExchangeFilterFunction {

	private final List<URI> jwkSetUris;

	IssuerInstances(List<URI> jwkSetUris) {
		this.jwkSetUris = List.copyOf(jwkSetUris);
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return attempt(request, next, 0);
	}

	private Mono<ClientResponse> attempt(ClientRequest request, ExchangeFunction next, int index) {
		Mono<ClientResponse> answer = next
			.exchange(ClientRequest.from(request).url(this.jwkSetUris.get(index)).build());
		if (index == this.jwkSetUris.size() - 1) {
			return answer;
		}
		// A failure or a 5xx becomes no answer, which the next address replaces.
		return answer.onErrorResume((error) -> Mono.empty())
			.flatMap((response) -> response.statusCode().is5xxServerError()
					? response.releaseBody().then(Mono.<ClientResponse>empty()) : Mono.just(response))
			.switchIfEmpty(Mono.defer(() -> attempt(request, next, index + 1)));
	}

}
