package care.parcours.gateway.security;

import care.parcours.security.TokenCases;
import care.parcours.security.TokenCases.TokenCase;
import care.parcours.security.TokenCases.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's half of the platform's token cases; the services' half is the starter's
 * {@code TokenVerdictsTests}, fed the same cases.
 */
class TokenVerdictsTests {

	// Trusting the key as an environment variable on one line carries it.
	final ReactiveJwtDecoder decoder = new TokenValidation()
		.jwtDecoder(new SecurityProperties(TokenCases.ISSUER, "http://issuer.invalid/jwks", TokenCases.AUDIENCE,
				TokenCases.publicKeyPemOnOneLine(), TokenCases.CLOCK_SKEW));

	@ParameterizedTest
	@MethodSource("care.parcours.security.TokenCases#all")
	void theGatewayJudgesEachTokenAsTheServicesDo(TokenCase token) {
		assertThat(Verdict.of(() -> this.decoder.decode(token.token()).block())).isEqualTo(token.verdict());
	}

}
