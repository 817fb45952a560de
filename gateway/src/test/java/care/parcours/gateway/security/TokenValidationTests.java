package care.parcours.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import care.parcours.security.TokenRules;
import care.parcours.security.VerifiedTokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenValidationTests {

	static final Instant ISSUED = Instant.parse("2026-11-23T10:00:00Z");

	static final TokenRules RULES = new TokenRules("https://issuer.parcours.test", "parcours-api",
			Duration.ofSeconds(30));

	final AtomicInteger signatureChecks = new AtomicInteger();

	final ReactiveJwtDecoder verifying = (token) -> {
		this.signatureChecks.incrementAndGet();
		return Mono.just(Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.issuer(RULES.issuer())
			.audience(List.of(RULES.audience()))
			.issuedAt(ISSUED)
			.expiresAt(ISSUED.plus(Duration.ofMinutes(5)))
			.build());
	};

	@Test
	void tokenVerifiedOnceIsTakenOnTrustWhileItsClaimsPass() {
		ReactiveJwtDecoder tokens = TokenValidation.inFrontOf(this.verifying, rememberingAt(ISSUED.plusSeconds(60)));

		tokens.decode("a.b.c").block();
		tokens.decode("a.b.c").block();

		assertThat(this.signatureChecks).hasValue(1);
	}

	@Test
	void rememberedTokenPastItsExpiryIsRefusedAsABadToken() {
		VerifiedTokens later = rememberingAt(ISSUED.plus(Duration.ofMinutes(10)));
		later.remember("a.b.c", this.verifying.decode("a.b.c").block());
		Mono<Jwt> decoded = TokenValidation.inFrontOf(this.verifying, later).decode("a.b.c");

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(decoded::block);
	}

	@Test
	void refusedTokenIsNotRemembered() {
		ReactiveJwtDecoder refusing = (token) -> {
			this.signatureChecks.incrementAndGet();
			return Mono.error(new BadJwtException("forged"));
		};
		ReactiveJwtDecoder tokens = TokenValidation.inFrontOf(refusing, rememberingAt(ISSUED.plusSeconds(60)));

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("x.y.z").block());
		}
		assertThat(this.signatureChecks).hasValue(2);
	}

	private static VerifiedTokens rememberingAt(Instant now) {
		return new VerifiedTokens(RULES.validator(Clock.fixed(now, ZoneOffset.UTC)));
	}

}
