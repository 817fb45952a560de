package care.parcours.auth.people;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;

import care.parcours.auth.AuthServer;
import care.parcours.auth.Browser;
import care.parcours.auth.DemoAccounts;
import care.parcours.auth.Role;
import care.parcours.test.MutableClock;
import care.parcours.test.ParcoursTest;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest(properties = { "parcours.auth.demo-users=true",
		"parcours.auth.refresh-token-reuse-leeway=" + PeopleLoginIT.LEEWAY })
class PeopleLoginIT {

	/**
	 * Longer than any run takes between two requests; a test that needs the leeway over
	 * moves the clock past it instead of waiting.
	 */
	static final String LEEWAY = "PT1H";

	@TestConfiguration
	static class Time {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry meters;

	AuthServer server;

	@BeforeEach
	void connect() {
		server = new AuthServer(port);
	}

	@Test
	void aDemoPersonLogsInWithPkceAndGetsTokensCarryingTheirRole() throws ParseException {
		HttpResponse<String> response = server.browser()
			.logInAndExchange(DemoAccounts.userName(Role.COORDINATOR), DemoAccounts.password(Role.COORDINATOR));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode tokens = AuthServer.json(response);
		assertThat(tokens.path("refresh_token").asString()).isNotBlank();
		assertThat(tokens.path("id_token").asString()).isNotBlank();
		JWTClaimsSet claims = server.verify(tokens.path("access_token").asString());
		assertThat(claims.getIssuer()).isEqualTo("http://localhost:9000");
		assertThat(claims.getSubject()).isEqualTo("coordinator");
		assertThat(claims.getAudience()).contains("parcours-api");
		assertThat(claims.getStringClaim("client_id")).isEqualTo("parcours-web");
		assertThat(claims.getStringListClaim("roles")).containsExactly("coordinator");
		assertThat(claims.getIssueTime()).isNotNull();
		assertThat(claims.getStringClaim("scope").split(" ")).containsExactlyInAnyOrder("openid", "profile");
	}

	@Test
	void eachRefreshTokenWorksOnceAndHandsOutTheNext() throws ParseException {
		Browser browser = server.browser();
		String first = refreshTokenOf(browser.logInAndExchange("billing", "billing-demo"));

		HttpResponse<String> refreshed = browser.refresh(first);
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		JsonNode tokens = AuthServer.json(refreshed);
		String second = tokens.path("refresh_token").asString();
		assertThat(second).isNotBlank().isNotEqualTo(first);
		JWTClaimsSet claims = server.verify(tokens.path("access_token").asString());
		assertThat(claims.getSubject()).isEqualTo("billing");
		assertThat(claims.getStringListClaim("roles")).containsExactly("billing");

		HttpResponse<String> third = browser.refresh(second);
		assertThat(third.statusCode()).as(third.body()).isEqualTo(200);
		assertThat(refreshTokenOf(third)).isNotIn(first, second);
	}

	@Test
	void aReplacedRefreshTokenPresentedAgainAfterTheLeewayEndsTheSessionForWhoeverHoldsTheCurrentOne() {
		Browser browser = server.browser();
		String stolen = refreshTokenOf(browser.logInAndExchange("billing", "billing-demo"));
		String current = refreshTokenOf(browser.refresh(stolen));
		String otherSession = refreshTokenOf(server.browser().logInAndExchange("billing", "billing-demo"));
		double sessionsEnded = reuses("session-ended");
		clock.advance(Duration.parse(LEEWAY).plusSeconds(1));

		HttpResponse<String> replayed = browser.refresh(stolen);

		assertThat(replayed.statusCode()).isEqualTo(400);
		assertThat(AuthServer.json(replayed).path("error").asString()).isEqualTo("invalid_grant");
		HttpResponse<String> afterReplay = browser.refresh(current);
		assertThat(afterReplay.statusCode()).isEqualTo(400);
		assertThat(AuthServer.json(afterReplay).path("error").asString()).isEqualTo("invalid_grant");
		assertThat(reuses("session-ended")).isEqualTo(sessionsEnded + 1);
		// Only the session the token came from ends.
		assertThat(server.browser().refresh(otherSession).statusCode()).isEqualTo(200);
	}

	@Test
	void aReplacedRefreshTokenPresentedAgainWithinTheLeewayIsRefusedAndTheCurrentOneGoesOn() {
		// Two tabs sharing the tokens refresh at the same moment: the first replaces
		// the token, the second presents it after that.
		Browser browser = server.browser();
		String shared = refreshTokenOf(browser.logInAndExchange("assistant", "assistant-demo"));
		String current = refreshTokenOf(browser.refresh(shared));
		double withinLeeway = reuses("within-leeway");
		double sessionsEnded = reuses("session-ended");

		HttpResponse<String> replayed = browser.refresh(shared);

		assertThat(replayed.statusCode()).isEqualTo(400);
		assertThat(AuthServer.json(replayed).path("error").asString()).isEqualTo("invalid_grant");
		HttpResponse<String> afterReplay = browser.refresh(current);
		assertThat(afterReplay.statusCode()).as(afterReplay.body()).isEqualTo(200);
		assertThat(refreshTokenOf(afterReplay)).isNotIn(shared, current);
		assertThat(reuses("within-leeway")).isEqualTo(withinLeeway + 1);
		assertThat(reuses("session-ended")).isEqualTo(sessionsEnded);
	}

	@Test
	void aCodeIsWorthNothingWithoutItsVerifier() {
		Browser browser = server.browser();
		String code = Browser.codeOf(browser.logIn("ops", "ops-demo"));

		HttpResponse<String> response = browser.exchange(code, "a-verifier-of-someone-else-0123456789abcdefghijk");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(AuthServer.json(response).path("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void aWrongPasswordSendsBackToTheForm() {
		HttpResponse<String> response = server.browser().logIn("admin", "admin-guess");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
	}

	@Test
	void noOtherClientRefreshesWithoutASecret() {
		Browser browser = server.browser();
		String refreshToken = refreshTokenOf(browser.logInAndExchange("assistant", "assistant-demo"));

		HttpResponse<String> response = browser.refresh(refreshToken, DemoAccounts.clientId(Role.ADMIN));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(AuthServer.json(response).path("error").asString()).isEqualTo("invalid_client");
	}

	private double reuses(String outcome) {
		return meters.get("parcours.auth.refresh_token_reuse").tag("outcome", outcome).counter().count();
	}

	private static String refreshTokenOf(HttpResponse<String> tokens) {
		return AuthServer.json(tokens).path("refresh_token").asString();
	}

}
