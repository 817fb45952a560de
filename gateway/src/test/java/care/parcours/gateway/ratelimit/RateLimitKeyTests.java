package care.parcours.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RateLimitKeyTests {

	@Test
	void clientCredentialsTokenIsKeyedByItsClient() {
		RateLimitKey key = RateLimitKey
			.ofToken(token((claims) -> claims.subject("hospital-7").claim("client_id", "hospital-7")));

		assertThat(key.value()).startsWith("client:");
		assertThat(key).isEqualTo(RateLimitKey.ofToken(token((claims) -> claims.claim("client_id", "hospital-7"))));
	}

	@Test
	void usersOfOneFrontEndAreKeyedEachByTheirOwnSubject() {
		RateLimitKey alice = RateLimitKey
			.ofToken(token((claims) -> claims.subject("alice").claim("client_id", "parcours-web")));
		RateLimitKey bob = RateLimitKey
			.ofToken(token((claims) -> claims.subject("bob").claim("client_id", "parcours-web")));

		assertThat(alice.value()).startsWith("user:");
		assertThat(alice).isNotEqualTo(bob);
	}

	@Test
	void keysCarryNoNameOrAddressInClear() {
		RateLimitKey user = RateLimitKey.ofToken(token((claims) -> claims.subject("alice@clinique.example")));
		MockServerWebExchange exchange = MockServerWebExchange.from(
				MockServerHttpRequest.get("/oauth2/token").remoteAddress(new InetSocketAddress("203.0.113.9", 40000)));

		assertThat(user.value()).doesNotContain("alice", "clinique");
		assertThat(RateLimitKey.ofAddress(exchange).value()).startsWith("address:").doesNotContain("203.0.113.9");
	}

	@Test
	void bucketTellsHowLongToWaitForOneRequest() {
		assertThat(new RateLimitProperties.Bucket(5, 10, 1).retryAfterSeconds()).isEqualTo(1);
		assertThat(new RateLimitProperties.Bucket(1, 60, 60).retryAfterSeconds()).isEqualTo(60);
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Bucket(0, 10, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new RateLimitProperties.Bucket(1, 10, 11));
	}

	private static Jwt token(Consumer<Jwt.Builder> claims) {
		Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").claim("iss", "http://issuer");
		claims.accept(builder);
		return builder.build();
	}

}
