package care.parcours.auth.people;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Stream;

import care.parcours.auth.AuthServer;
import care.parcours.auth.Browser;
import care.parcours.auth.DemoAccounts;
import care.parcours.auth.Role;
import care.parcours.events.auth.AuthEvent;
import care.parcours.events.auth.SessionEnded;
import care.parcours.test.MutableClock;
import care.parcours.test.WithMutableClock;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@ParcoursTest(properties = { "parcours.auth.demo-users=true",
		"parcours.auth.refresh-token-reuse-leeway=" + PeopleLoginIT.LEEWAY })
@WithMutableClock
class PeopleLoginIT {

	/**
	 * Longer than any run takes between two requests; a test that needs the leeway over
	 * moves the clock past it instead of waiting.
	 */
	static final String LEEWAY = "PT1H";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	OAuth2AuthorizationService authorizations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

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
	void aSessionEndedByAReplayedRefreshTokenTakesItsAccessTokensWithIt() throws ParseException {
		Browser browser = server.browser();
		JsonNode stolen = AuthServer.json(browser.logInAndExchange("admin", "admin-demo"));
		JsonNode current = AuthServer.json(browser.refresh(stolen.path("refresh_token").asString()));
		String access = current.path("access_token").asString();
		assertThat(server.get("/api/partner-clients", access).statusCode()).isEqualTo(200);
		clock.advance(Duration.parse(LEEWAY).plusSeconds(1));

		try (PublishedEvents events = PublishedEvents.on(AuthEvent.TOPIC)) {
			assertThat(browser.refresh(stolen.path("refresh_token").asString()).statusCode()).isEqualTo(400);

			assertSessionEnded(events, current, SessionEnded.REFRESH_TOKEN_REPLAYED);
		}
		assertThat(server.get("/api/partner-clients", access).statusCode()).isEqualTo(401);
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
	void twoRefreshesWithTheSameTokenAtOnceIssueOneNewTokenAndTheSessionGoesOn() {
		// Two tabs waking up together: both requests find the token current before
		// either has saved what it issues.
		Browser browser = server.browser();
		String shared = refreshTokenOf(browser.logInAndExchange("coordinator", "coordinator-demo"));
		double withinLeeway = reuses("within-leeway");
		double sessionsEnded = reuses("session-ended");

		List<HttpResponse<String>> responses = bothPastTheLookup(shared, () -> browser.refresh(shared));

		assertThat(responses).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 400);
		HttpResponse<String> refused = responses.stream()
			.filter(response -> response.statusCode() == 400)
			.findAny()
			.orElseThrow();
		assertThat(AuthServer.json(refused).path("error").asString()).isEqualTo("invalid_grant");
		String issued = refreshTokenOf(
				responses.stream().filter(response -> response.statusCode() == 200).findAny().orElseThrow());
		assertThat(reuses("within-leeway")).isEqualTo(withinLeeway + 1);
		// The loser did not retire the winner's token: it works after the leeway.
		clock.advance(Duration.parse(LEEWAY).plusSeconds(1));
		HttpResponse<String> next = browser.refresh(issued);
		assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
		assertThat(reuses("session-ended")).isEqualTo(sessionsEnded);
	}

	@Test
	void aRefreshWhoseSessionEndsBeforeItSavesIsRefusedAndDoesNotBringTheSessionBack() {
		Browser browser = server.browser();
		String stolen = refreshTokenOf(browser.logInAndExchange("ops", "ops-demo"));
		String current = refreshTokenOf(browser.refresh(stolen));
		// The front end's refresh with the current token has found it...
		OAuth2Authorization found = authorizations.findByToken(current, OAuth2TokenType.REFRESH_TOKEN);
		assertThat(found).isNotNull();
		// ...when the thief's replay of the replaced one ends the session.
		clock.advance(Duration.parse(LEEWAY).plusSeconds(1));
		assertThat(browser.refresh(stolen).statusCode()).isEqualTo(400);
		// What the refresh grant saves next: what it found, with a new token.
		Instant now = clock.instant();
		OAuth2Authorization refreshed = OAuth2Authorization.from(found)
			.refreshToken(
					new OAuth2RefreshToken("never-issued-" + UUID.randomUUID(), now, now.plus(Duration.ofDays(1))))
			.build();

		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> authorizations.save(refreshed))
			.satisfies(ex -> assertThat(ex.getError().getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT));
		assertThat(authorizations.findById(found.getId())).isNull();
	}

	@Test
	void whatARefreshRemembersOfThePresentedTokenIsNeverStored() {
		Browser browser = server.browser();
		String first = refreshTokenOf(browser.logInAndExchange("admin", "admin-demo"));
		String second = refreshTokenOf(browser.refresh(first));

		String attributes = jdbc.sql("select attributes from oauth2_authorization where refresh_token_value = ?")
			.param(second)
			.query(String.class)
			.single();
		assertThat(attributes).doesNotContain("RefreshTokenReuse");
	}

	@Test
	void aPersonsAccessTokensNameTheSessionTheyWereIssuedInWhichRefreshesKeep() throws ParseException {
		Browser browser = server.browser();
		JsonNode first = AuthServer.json(browser.logInAndExchange("coordinator", "coordinator-demo"));
		JsonNode refreshed = AuthServer.json(browser.refresh(first.path("refresh_token").asString()));
		JsonNode other = AuthServer.json(server.browser().logInAndExchange("coordinator", "coordinator-demo"));

		String session = sessionOf(first);
		assertThat(session).isNotBlank();
		assertThat(sessionOf(refreshed)).isEqualTo(session);
		assertThat(sessionOf(other)).isNotBlank().isNotEqualTo(session);
	}

	@Test
	void givingBackTheRefreshTokenOnLogoutEndsTheSessionAndItsAccessTokens() throws ParseException {
		Browser browser = server.browser();
		JsonNode tokens = AuthServer.json(browser.logInAndExchange("admin", "admin-demo"));
		String access = tokens.path("access_token").asString();
		JsonNode otherSession = AuthServer.json(server.browser().logInAndExchange("admin", "admin-demo"));
		assertThat(server.get("/api/partner-clients", access).statusCode()).isEqualTo(200);

		try (PublishedEvents events = PublishedEvents.on(AuthEvent.TOPIC)) {
			HttpResponse<String> revoked = browser.revoke(tokens.path("refresh_token").asString());

			assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
			assertSessionEnded(events, tokens, SessionEnded.LOGGED_OUT);
		}
		HttpResponse<String> refresh = browser.refresh(tokens.path("refresh_token").asString());
		assertThat(refresh.statusCode()).isEqualTo(400);
		assertThat(AuthServer.json(refresh).path("error").asString()).isEqualTo("invalid_grant");
		// The access token is refused here at once; the services refuse it on the event.
		assertThat(server.get("/api/partner-clients", access).statusCode()).isEqualTo(401);
		// Only the session the token came from ends.
		assertThat(browser.refresh(otherSession.path("refresh_token").asString()).statusCode()).isEqualTo(200);
	}

	@Test
	void givingBackARefreshTokenAnotherTabHasJustReplacedStillEndsTheSession() throws ParseException {
		Browser browser = server.browser();
		JsonNode first = AuthServer.json(browser.logInAndExchange("coordinator", "coordinator-demo"));
		String current = refreshTokenOf(browser.refresh(first.path("refresh_token").asString()));

		try (PublishedEvents events = PublishedEvents.on(AuthEvent.TOPIC)) {
			HttpResponse<String> revoked = browser.revoke(first.path("refresh_token").asString());

			assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
			assertSessionEnded(events, first, SessionEnded.LOGGED_OUT);
		}
		assertThat(browser.refresh(current).statusCode()).isEqualTo(400);
	}

	@Test
	void loggingOutAtTheAuthorizationServerEndsTheSessionNotOnlyTheBrowsersLogin() throws ParseException {
		Browser browser = server.browser();
		JsonNode tokens = AuthServer.json(browser.logInAndExchange("billing", "billing-demo"));

		try (PublishedEvents events = PublishedEvents.on(AuthEvent.TOPIC)) {
			HttpResponse<String> loggedOut = browser.logOut(tokens.path("id_token").asString());

			assertThat(loggedOut.statusCode()).as(loggedOut.body()).isEqualTo(302);
			assertSessionEnded(events, tokens, SessionEnded.LOGGED_OUT);
		}
		assertThat(browser.refresh(tokens.path("refresh_token").asString()).statusCode()).isEqualTo(400);
		// The browser's login ended too: authorizing again asks for the password.
		assertThat(browser.logIn("billing", "billing-demo").statusCode()).isEqualTo(302);
	}

	@Test
	void givingBackARefreshTokenReplacedLongAgoEndsTheSessionAsALogoutNotAsATheft() throws ParseException {
		Browser browser = server.browser();
		JsonNode first = AuthServer.json(browser.logInAndExchange("ops", "ops-demo"));
		String current = refreshTokenOf(browser.refresh(first.path("refresh_token").asString()));
		clock.advance(Duration.parse(LEEWAY).plusSeconds(1));
		double replays = reuses("session-ended");

		try (PublishedEvents events = PublishedEvents.on(AuthEvent.TOPIC)) {
			assertThat(browser.revoke(first.path("refresh_token").asString()).statusCode()).isEqualTo(200);

			assertSessionEnded(events, first, SessionEnded.LOGGED_OUT);
		}
		assertThat(reuses("session-ended")).isEqualTo(replays);
		assertThat(browser.refresh(current).statusCode()).isEqualTo(400);
	}

	@Test
	void noClientEndsAnotherClientsSessionWithItsTokens() {
		Browser browser = server.browser();
		String replaced = refreshTokenOf(browser.logInAndExchange("assistant", "assistant-demo"));
		String current = refreshTokenOf(browser.refresh(replaced));
		String otherClient = DemoAccounts.clientId(Role.ADMIN);

		HttpResponse<String> withCurrent = server.revoke(current, otherClient, DemoAccounts.CLIENT_SECRET);
		HttpResponse<String> withReplaced = server.revoke(replaced, otherClient, DemoAccounts.CLIENT_SECRET);

		assertThat(withCurrent.statusCode()).as(withCurrent.body()).isBetween(400, 401);
		assertThat(AuthServer.json(withCurrent).path("error").asString()).isEqualTo("invalid_client");
		// An unknown token gets the same answer as any other, and ends nothing.
		assertThat(withReplaced.statusCode()).isEqualTo(200);
		assertThat(browser.refresh(current).statusCode()).isEqualTo(200);
	}

	@Test
	void onlyAPublicClientGivesBackATokenWithoutASecret() {
		Browser browser = server.browser();
		String refreshToken = refreshTokenOf(browser.logInAndExchange("ops", "ops-demo"));

		HttpResponse<String> revoked = browser.revoke(refreshToken, DemoAccounts.clientId(Role.ADMIN));

		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(browser.refresh(refreshToken).statusCode()).isEqualTo(200);
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

	/**
	 * Sends the same request twice at once, and returns both answers once each request
	 * has found the authorization holding the refresh token and is saving what it issues:
	 * the test holds the authorization's row locked until both wait for it there.
	 */
	private List<HttpResponse<String>> bothPastTheLookup(String refreshToken, Supplier<HttpResponse<String>> request) {
		try (ExecutorService tabs = Executors.newVirtualThreadPerTaskExecutor()) {
			List<CompletableFuture<HttpResponse<String>>> sent = new TransactionTemplate(transactionManager)
				.execute(status -> {
					jdbc.sql("select id from oauth2_authorization where refresh_token_value = ? for update")
						.param(refreshToken)
						.query(String.class)
						.single();
					List<CompletableFuture<HttpResponse<String>>> requests = Stream
						.generate(() -> CompletableFuture.supplyAsync(request, tabs))
						.limit(2)
						.toList();
					// Awaitility polls on its own thread, outside this transaction:
					// each poll sees the activity of now, not a snapshot.
					await().until(this::blockedByALock, blocked -> blocked >= 2);
					return requests;
				});
			return sent.stream().map(CompletableFuture::join).toList();
		}
	}

	/**
	 * Backends of this test's database waiting for a lock: the second request waits
	 * behind the first, not on the test's transaction directly.
	 */
	private long blockedByALock() {
		return jdbc
			.sql("select count(*) from pg_stat_activity"
					+ " where datname = current_database() and cardinality(pg_blocking_pids(pid)) > 0")
			.query(Long.class)
			.single();
	}

	private double reuses(String outcome) {
		return meters.get("parcours.auth.refresh_token_reuse").tag("outcome", outcome).counter().count();
	}

	/**
	 * The session's end was announced once, naming the session and nothing of the person.
	 */
	private void assertSessionEnded(PublishedEvents events, JsonNode tokens, String reason) throws ParseException {
		String session = sessionOf(tokens);
		PublishedEvents.Received ended = events.await(event -> "auth.session.ended.v1".equals(event.type())
				&& session.equals(event.data().path("sessionId").asString()));
		assertThat(ended.data().path("reason").asString()).isEqualTo(reason);
		assertThat(ended.data().propertyNames()).containsExactlyInAnyOrder("sessionId", "endedAt", "reason");
		assertThat(ended.value()).doesNotContain(server.verify(tokens.path("access_token").asString()).getSubject());
	}

	private String sessionOf(JsonNode tokens) throws ParseException {
		return server.verify(tokens.path("access_token").asString()).getStringClaim("sid");
	}

	private static String refreshTokenOf(HttpResponse<String> tokens) {
		return AuthServer.json(tokens).path("refresh_token").asString();
	}

}
