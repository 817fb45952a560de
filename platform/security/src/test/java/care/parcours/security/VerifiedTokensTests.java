package care.parcours.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	static final Instant ISSUED = Instant.parse("2026-11-23T10:00:00Z");

	static final Duration SKEW = Duration.ofSeconds(30);

	final AtomicInteger signatureChecks = new AtomicInteger();

	final Set<String> revokedClients = new HashSet<>();

	final OAuth2TokenValidator<Jwt> revocation = (
			jwt) -> this.revokedClients.contains(jwt.getClaimAsString("client_id"))
					? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "revoked", null))
					: OAuth2TokenValidatorResult.success();

	final JwtDecoder verifying = (token) -> {
		this.signatureChecks.incrementAndGet();
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.issuer(TokenCases.ISSUER)
			.audience(List.of(TokenCases.AUDIENCE))
			.claim("client_id", "partner-client-1")
			.issuedAt(ISSUED)
			.expiresAt(ISSUED.plus(Duration.ofMinutes(5)))
			.build();
	};

	@Test
	void tokenSentAgainIsNotParsedAndVerifiedAgain() {
		JwtDecoder tokens = new VerifiedTokens(claimsAt(ISSUED.plusSeconds(60))).inFrontOf(this.verifying);

		Jwt first = tokens.decode("a.b.c");
		Jwt again = tokens.decode("a.b.c");

		assertThat(again).isSameAs(first);
		assertThat(this.signatureChecks).hasValue(1);
	}

	@Test
	void rememberedTokenIsRefusedOnceItExpiresBeyondTheClockSkew() {
		JwtDecoder before = new VerifiedTokens(claimsAt(ISSUED.plusSeconds(60))).inFrontOf(this.verifying);
		VerifiedTokens later = new VerifiedTokens(
				claimsAt(ISSUED.plus(Duration.ofMinutes(5)).plus(SKEW).plusSeconds(1)));
		later.remember("a.b.c", before.decode("a.b.c"));

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> later.recall("a.b.c"))
			.withMessageContaining("no longer valid");
		assertThat(later.recall("a.b.c")).isEmpty();
	}

	@Test
	void rememberedTokenOfARevokedClientIsRefused() {
		JwtDecoder tokens = new VerifiedTokens(claimsAt(ISSUED.plusSeconds(60))).inFrontOf(this.verifying);
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
		JwtDecoder tokens = new VerifiedTokens(claimsAt(ISSUED.plusSeconds(60))).inFrontOf(refusing);

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("x.y.z"));
		}
		assertThat(this.signatureChecks).hasValue(2);
	}

	@Test
	void differentTokensAreEachVerified() {
		JwtDecoder tokens = new VerifiedTokens(claimsAt(ISSUED.plusSeconds(60))).inFrontOf(this.verifying);

		tokens.decode("a.b.c");
		tokens.decode("a.b.d");

		assertThat(this.signatureChecks).hasValue(2);
	}

	/** The shared rules read at that instant, and a revocation list as a service has. */
	private OAuth2TokenValidator<Jwt> claimsAt(Instant now) {
		TokenRules rules = new TokenRules(TokenCases.ISSUER, TokenCases.AUDIENCE, SKEW);
		return new DelegatingOAuth2TokenValidator<>(rules.validator(Clock.fixed(now, ZoneOffset.UTC)), this.revocation);
	}

}
