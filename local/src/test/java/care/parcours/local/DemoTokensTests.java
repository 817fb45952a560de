package care.parcours.local;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTokensTests {

	@Test
	void eachStaffRoleHasACurlLineForItsDemoClient() {
		assertThat(DemoTokens.ROLES).containsExactly("coordinator", "assistant", "billing", "admin", "ops");
		assertThat(DemoTokens.curl(URI.create("http://localhost:8080/oauth2/token"), "billing")).isEqualTo(
				"curl -s -u demo-billing:demo-secret -d grant_type=client_credentials http://localhost:8080/oauth2/token");
	}

}
