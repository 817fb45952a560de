package care.parcours.test;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tests every service's API owes, for a {@link ParcoursTest} to extend: its OpenAPI
 * document is the one checked in, and every documented operation refuses a call without a
 * token (401) and a token without a role (403).
 */
public abstract class ApiContractTests {

	@LocalServerPort
	private int port;

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

}
