package care.parcours.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	final AtomicInteger checks = new AtomicInteger();

	@Test
	void tokenVerifiedOnceIsTakenOnTrustUntilItExpires() {
		VerifiedTokens tokens = new VerifiedTokens(expiringAt(NOW.plusSeconds(300)), at(NOW), Duration.ofSeconds(30));

		tokens.decode("a.b.c").block();
		tokens.decode("a.b.c").block();

		assertThat(this.checks).hasValue(1);
	}

	@Test
	void expiredTokenIsCheckedAgainAndRefused() {
		ReactiveJwtDecoder decoder = (token) -> this.checks.incrementAndGet() == 1 ? Mono.just(jwt(NOW.plusSeconds(60)))
				: Mono.error(new BadJwtException("expired"));
		new VerifiedTokens(decoder, at(NOW), Duration.ofSeconds(30)).decode("a.b.c").block();
		VerifiedTokens later = new VerifiedTokens(decoder, at(NOW.plusSeconds(120)), Duration.ofSeconds(30));

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> later.decode("a.b.c").block());
	}

	@Test
	void refusedTokenIsNotRemembered() {
		ReactiveJwtDecoder refusing = (token) -> {
			this.checks.incrementAndGet();
			return Mono.error(new BadJwtException("forged"));
		};
		VerifiedTokens tokens = new VerifiedTokens(refusing, at(NOW), Duration.ofSeconds(30));

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> tokens.decode("x.y.z").block());
		}
		assertThat(this.checks).hasValue(2);
	}

	private ReactiveJwtDecoder expiringAt(Instant expiry) {
		return (token) -> {
			this.checks.incrementAndGet();
			return Mono.just(jwt(expiry));
		};
	}

	private static Jwt jwt(Instant expiry) {
		return Jwt.withTokenValue("a.b.c")
			.header("alg", "RS256")
			.subject("coordinator-1")
			.issuedAt(expiry.minusSeconds(600))
			.expiresAt(expiry)
			.build();
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

}
