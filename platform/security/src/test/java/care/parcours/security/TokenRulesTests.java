package care.parcours.security;

import java.net.URI;
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

	@Test
	void severalJwkSetsOnePerInstanceOfTheIssuerAreTriedInTheOrderGiven() {
		assertThat(rules.jwkSetUris("http://127.0.0.1:9000/oauth2/jwks, http://127.0.0.1:9010/oauth2/jwks,"))
			.containsExactly(URI.create("http://127.0.0.1:9000/oauth2/jwks"),
					URI.create("http://127.0.0.1:9010/oauth2/jwks"));
		assertThat(rules.jwkSetUri("http://127.0.0.1:9000/oauth2/jwks,http://127.0.0.1:9010/oauth2/jwks"))
			.isEqualTo("http://127.0.0.1:9000/oauth2/jwks");
	}

}
