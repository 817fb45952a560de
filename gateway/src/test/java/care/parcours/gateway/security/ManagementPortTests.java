package care.parcours.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ManagementPortTests {

	@Test
	void theGatewayRefusesToStartWithItsManagementPortOnThePublicPort() {
		MockEnvironment sharedPort = ports("8080", "8080");

		assertThatIllegalStateException().isThrownBy(() -> GatewaySecurity.requireOwnManagementPort(sharedPort))
			.withMessageContaining("MANAGEMENT_SERVER_PORT");
	}

	@Test
	void aManagementPortOfItsOwnFixedOrRandomIsAccepted() {
		assertThatNoException().isThrownBy(() -> GatewaySecurity.requireOwnManagementPort(ports("8080", "9080")));
		assertThatNoException().isThrownBy(() -> GatewaySecurity.requireOwnManagementPort(ports("0", "0")));
	}

	private static MockEnvironment ports(String server, String management) {
		return new MockEnvironment().withProperty("server.port", server)
			.withProperty("management.server.port", management);
	}

}
