package care.parcours.platform.security;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	final AtomicInteger signatureChecks = new AtomicInteger();

	final Set<String> revokedClients = new HashSet<>();

	final OAuth2TokenValidator<Jwt> claims = (jwt) -> this.revokedClients.contains(jwt.getClaimAsString("client_id"))
			? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "revoked", null))
			: OAuth2TokenValidatorResult.success();

	final JwtDecoder verifying = (token) -> {
		this.signatureChecks.incrementAndGet();
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.claim("client_id", "partner-client-1")
			.issuedAt(Instant.parse("2026-11-23T10:00:00Z"))
			.expiresAt(Instant.parse("2026-11-23T10:05:00Z"))
			.build();
	};

	@Test
	void tokenSentAgainIsNotParsedAndVerifiedAgain() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifying, this.claims);

		Jwt first = tokens.decode("a.b.c");
		Jwt again = tokens.decode("a.b.c");

		assertThat(again).isSameAs(first);
		assertThat(this.signatureChecks).hasValue(1);
	}

	@Test
	void rememberedTokenOfARevokedClientIsRefused() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifying, this.claims);
		tokens.decode("a.b.c");

		this.revokedClients.add("partner-client-1");

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("a.b.c"))
			.withMessageContaining("no longer valid");
	}

	@Test
	void refusedTokenIsNotRemembered() {
		JwtDecoder refusing = (token) -> {
			this.signatureChecks.incrementAndGet();
			throw new BadJwtException("forged");
		};
		VerifiedTokens tokens = new VerifiedTokens(refusing, this.claims);

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("x.y.z"));
		}
		assertThat(this.signatureChecks).hasValue(2);
	}

	@Test
	void differentTokensAreEachVerified() {
		VerifiedTokens tokens = new VerifiedTokens(this.verifying, this.claims);

		tokens.decode("a.b.c");
		tokens.decode("a.b.d");

		assertThat(this.signatureChecks).hasValue(2);
	}

}
