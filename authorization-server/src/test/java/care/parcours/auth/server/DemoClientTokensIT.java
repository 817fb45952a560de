package care.parcours.auth.server;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import care.parcours.auth.AuthServer;
import care.parcours.auth.DemoAccounts;
import care.parcours.auth.Role;
import care.parcours.test.ParcoursTest;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest(properties = { "parcours.auth.demo-users=true", "parcours.auth.issuer=" + DemoClientTokensIT.ISSUER })
class DemoClientTokensIT {

	/** Not where the test reaches the server: tokens name the configured issuer. */
	static final String ISSUER = "http://auth.parcours.test:9000";

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	JdbcClient jdbc;

	AuthServer server;

	@BeforeEach
	void connect() {
		server = new AuthServer(port);
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = "PARTNER", mode = EnumSource.Mode.EXCLUDE)
	void eachDemoClientGetsASignedTokenCarryingItsRole(Role role) throws ParseException {
		HttpResponse<String> response = server.clientCredentials(DemoAccounts.clientId(role),
				DemoAccounts.CLIENT_SECRET);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = AuthServer.json(response);
		assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.path("refresh_token").isMissingNode()).isTrue();

		JWTClaimsSet claims = server.verify(body.path("access_token").asString());
		assertThat(claims.getIssuer()).isEqualTo(ISSUER);
		assertThat(claims.getAudience()).contains("parcours-api");
		assertThat(claims.getSubject()).isEqualTo(DemoAccounts.clientId(role));
		assertThat(claims.getStringClaim("client_id")).isEqualTo(DemoAccounts.clientId(role));
		assertThat(claims.getStringListClaim("roles")).containsExactly(role.claimValue());
		assertThat(claims.getClaim("partner_id")).isNull();
		assertThat(claims.getIssueTime()).isCloseTo(Instant.now(), 60_000);
		assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
			.isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void aWrongSecretGetsNoToken() {
		HttpResponse<String> response = server.clientCredentials(DemoAccounts.clientId(Role.ADMIN), "guess");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(AuthServer.json(response).path("error").asString()).isEqualTo("invalid_client");
	}

	@Test
	void discoveryNamesTheIssuerAndItsJwkSetWhichPublishesTheStoredKey() {
		JsonNode discovery = AuthServer.json(server.get("/.well-known/openid-configuration", null));

		assertThat(discovery.path("issuer").asString()).isEqualTo(ISSUER);
		assertThat(discovery.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
		assertThat(discovery.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
		String storedKid = jdbc.sql("select kid from signing_key").query(String.class).single();
		assertThat(AuthServer.json(server.get("/oauth2/jwks", null)).path("keys").get(0).path("kid").asString())
			.isEqualTo(storedKid);
	}

	@Test
	void theManagementPortAnswersProbesAndMetricsWithoutATokenAndNothingElse() {
		AuthServer operations = new AuthServer(managementPort);
		for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/actuator/info",
				"/actuator/prometheus")) {
			assertThat(operations.get(path, null).statusCode()).as(path).isEqualTo(200);
		}
		// The authorization server's endpoints are filters: they must not answer there.
		assertThat(operations.clientCredentials(DemoAccounts.clientId(Role.ADMIN), DemoAccounts.CLIENT_SECRET)
			.statusCode()).isEqualTo(403);
		assertThat(operations.get("/oauth2/jwks", null).statusCode()).isEqualTo(403);
		assertThat(operations.get("/login", null).statusCode()).isEqualTo(403);
	}

	@Test
	void theLoginPortServesNoActuatorEndpoint() {
		// Spring Boot maps the endpoints on the management server only when it has a port
		// of its own; on the login port they are then unknown paths behind the login.
		assertThat(managementPort).isNotEqualTo(port);
		for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/prometheus")) {
			HttpResponse<String> response = server.get(path, null);
			assertThat(response.statusCode()).as(path).isNotEqualTo(200);
			assertThat(response.body()).as(path).doesNotContain("\"status\"").doesNotContain("jvm_");
		}
	}

}
