package care.parcours.platform.security;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * Fetches the issuer's signing keys from the first of its instances that answers: a key
 * request that cannot connect, times out or gets a 5xx goes to the next address. Spring
 * Security's decoder knows one JWK set URI, the first; with several instances of the
 * authorization server and no load balancer in front of them, a service started while
 * that one is down would otherwise refuse every token until it came back.
 */
final class IssuerInstances implements ClientHttpRequestInterceptor {

	private final List<URI> jwkSetUris;

	IssuerInstances(List<URI> jwkSetUris) {
		this.jwkSetUris = List.copyOf(jwkSetUris);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		IOException unreachable = null;
		for (int i = 0; i < this.jwkSetUris.size(); i++) {
			URI uri = this.jwkSetUris.get(i);
			boolean last = i == this.jwkSetUris.size() - 1;
			try {
				ClientHttpResponse response = execution.execute(at(request, uri), body);
				if (last || !response.getStatusCode().is5xxServerError()) {
					return response;
				}
				response.close();
			}
			catch (IOException ex) {
				if (last) {
					if (unreachable != null) {
						ex.addSuppressed(unreachable);
					}
					throw ex;
				}
				unreachable = ex;
			}
		}
		throw new IllegalStateException("Unreachable: the last address answers or throws");
	}

	private static HttpRequest at(HttpRequest request, URI uri) {
		return new HttpRequestWrapper(request) {

			@Override
			public URI getURI() {
				return uri;
			}

		};
	}

}
