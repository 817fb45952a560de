package care.parcours.platform.security;

import java.time.Duration;
import java.util.List;

import care.parcours.security.TokenCases;
import care.parcours.security.TokenCases.TokenCase;
import care.parcours.security.TokenCases.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' half of the platform's token cases; the gateway's half is its
 * {@code TokenVerdictsTests}, fed the same cases.
 */
class TokenVerdictsTests {

	// Trusting the key as an environment variable on one line carries it.
	final JwtDecoder decoder = ParcoursSecurityConfiguration
		.tokenDecoder(new ParcoursSecurityProperties(TokenCases.ISSUER, null, TokenCases.publicKeyPemOnOneLine(),
				TokenCases.AUDIENCE, "roles", TokenCases.CLOCK_SKEW, Duration.ofSeconds(5)), List.of());

	@ParameterizedTest
	@MethodSource("care.parcours.security.TokenCases#all")
	void aServiceJudgesEachTokenAsTheGatewayDoes(TokenCase token) {
		assertThat(Verdict.of(() -> this.decoder.decode(token.token()))).isEqualTo(token.verdict());
	}

}
