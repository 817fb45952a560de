package care.parcours.auth.server;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ManagementPortTests {

	@Test
	void theAuthorizationServerRefusesToStartWithItsManagementPortOnTheLoginPort() {
		MockEnvironment sharedPort = ports("9000", "9000");

		assertThatIllegalStateException().isThrownBy(() -> SecurityConfiguration.requireOwnManagementPort(sharedPort))
			.withMessageContaining("MANAGEMENT_SERVER_PORT");
	}

	@Test
	void aManagementPortOfItsOwnFixedOrRandomIsAccepted() {
		assertThatNoException().isThrownBy(() -> SecurityConfiguration.requireOwnManagementPort(ports("9000", "9001")));
		assertThatNoException().isThrownBy(() -> SecurityConfiguration.requireOwnManagementPort(ports("0", "0")));
	}

	private static MockEnvironment ports(String server, String management) {
		return new MockEnvironment().withProperty("server.port", server)
			.withProperty("management.server.port", management);
	}

}
