package care.parcours.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRulesTests {

	private final TokenRules rules = new TokenRules("http://localhost:9000/", "parcours-api", Duration.ofSeconds(30));

	@Test
	void aConfiguredJwkSetIsTakenAsItIs() {
		assertThat(rules.jwkSetUri("https://sso.example/realms/parcours/protocol/openid-connect/certs"))
			.isEqualTo("https://sso.example/realms/parcours/protocol/openid-connect/certs");
	}

	@Test
	void withoutOneOrWithABlankOneTheJwkSetIsTheIssuersOwnAtBothLayers() {
		assertThat(rules.jwkSetUri(null)).isEqualTo("http://localhost:9000/oauth2/jwks");
		assertThat(rules.jwkSetUri(" ")).isEqualTo("http://localhost:9000/oauth2/jwks");
	}

}
