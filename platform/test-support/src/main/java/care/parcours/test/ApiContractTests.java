package care.parcours.test;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The tests every service's API owes, for a {@link ParcoursTest} to extend: its OpenAPI
 * document is the one checked in, and every documented operation refuses a call without a
 * token (401) and a token without a role (403). Its calls as a given caller serve the
 * tests of what each role may do.
 */
public abstract class ApiContractTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RestTestClient client;

	/** The service's name, which names its document in {@code docs/openapi}. */
	protected abstract String service();

	/** Operations anyone may call, as {@code GET /api/path/{variable}}. */
	protected Set<String> publicOperations() {
		return Set.of();
	}

	@Test
	void theOpenApiDocumentIsTheOneCheckedIn() {
		ApiContract.of(port).assertDocumentIsCommitted(service());
	}

	@Test
	void everyOperationRefusesACallWithoutAToken() {
		ApiContract.of(port).assertEveryOperationAnswers(401, (operation) -> null, publicOperations());
	}

	@Test
	void everyOperationRefusesATokenWithoutARole() {
		ApiContract.of(port)
			.assertEveryOperationAnswers(403, (operation) -> TestTokens.staff().bearer(), publicOperations());
	}

	/**
	 * A GET as the holder of {@code bearer}, an {@code Authorization} header value such
	 * as {@link TestTokens.Token#bearer()}.
	 */
	protected RestTestClient.RequestHeadersSpec<?> getAs(String bearer, String uri, Object... uriVariables) {
		return this.client.get().uri(uri, uriVariables).header(HttpHeaders.AUTHORIZATION, bearer);
	}

	/** A POST of a JSON body, still to be given, as the holder of {@code bearer}. */
	protected RestTestClient.RequestBodySpec postAs(String bearer, String uri, Object... uriVariables) {
		return this.client.post()
			.uri(uri, uriVariables)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON);
	}

	/** A PUT of a JSON body, still to be given, as the holder of {@code bearer}. */
	protected RestTestClient.RequestBodySpec putAs(String bearer, String uri, Object... uriVariables) {
		return this.client.put()
			.uri(uri, uriVariables)
			.header(HttpHeaders.AUTHORIZATION, bearer)
			.contentType(MediaType.APPLICATION_JSON);
	}

	/** A DELETE as the holder of {@code bearer}. */
	protected RestTestClient.RequestHeadersSpec<?> deleteAs(String bearer, String uri, Object... uriVariables) {
		return this.client.delete().uri(uri, uriVariables).header(HttpHeaders.AUTHORIZATION, bearer);
	}

}
