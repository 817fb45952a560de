package care.parcours.auth.partnerclients;

import java.util.Set;

import care.parcours.test.ApiContract;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administration API's document is the one committed in
 * {@code docs/openapi/authorization-server.json}, and every operation it lists refuses a
 * call without a token.
 */
@ParcoursTest
class PartnerClientContractIT {

	@LocalServerPort
	int port;

	@Test
	void theOpenApiDocumentIsTheOneCheckedIn() {
		ApiContract.of(port).assertDocumentIsCommitted("authorization-server");
	}

	@Test
	void everyOperationRefusesACallWithoutAToken() {
		ApiContract.of(port).assertEveryOperationAnswers(401, (operation) -> null, Set.of());
	}

}
