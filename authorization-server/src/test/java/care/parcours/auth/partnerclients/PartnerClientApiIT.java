package care.parcours.auth.partnerclients;

import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import care.parcours.auth.AuthServer;
import care.parcours.events.auth.AuthEvent;
import care.parcours.events.partner.PartnerRegistered;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import care.parcours.test.TestEvents;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest(properties = "parcours.auth.demo-users=true")
class PartnerClientApiIT {

	private static final String PROBLEM_JSON = "application/problem+json";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	AuthServer server;

	String admin;

	@BeforeEach
	void connect() {
		server = new AuthServer(port);
		admin = server.accessToken("demo-admin", "demo-secret");
	}

	@Test
	void anAdministratorIssuesAClientWhoseTokensNameThePartner() throws ParseException {
		UUID partner = knownPartner();

		HttpResponse<String> response = issue("{\"partnerId\": \"" + partner + "\", \"name\": \"Clinique du Parc\"}");

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		JsonNode issued = AuthServer.json(response);
		String clientId = issued.path("clientId").asString();
		assertThat(response.headers().firstValue("Location")).hasValue("/api/partner-clients/" + clientId);
		assertThat(issued.path("partnerId").asString()).isEqualTo(partner.toString());
		assertThat(issued.path("createdAt").asString()).isNotBlank();
		assertThat(strings(issued.path("scopes"))).containsExactlyInAnyOrder("partner.availability.write",
				"partner.appointments.read", "partner.quotes.read");

		HttpResponse<String> tokenResponse = server.clientCredentials(clientId, issued.path("clientSecret").asString());
		assertThat(tokenResponse.statusCode()).isEqualTo(200);
		JWTClaimsSet claims = server.verify(AuthServer.json(tokenResponse).path("access_token").asString());
		assertThat(claims.getStringListClaim("roles")).containsExactly("partner");
		assertThat(claims.getStringClaim("partner_id")).isEqualTo(partner.toString());
		assertThat(claims.getStringClaim("client_id")).isEqualTo(clientId);
		assertThat(claims.getSubject()).isEqualTo(clientId);
		assertThat(claims.getAudience()).contains("parcours-api");
		assertThat(claims.getStringClaim("scope").split(" ")).containsExactlyInAnyOrder("partner.availability.write",
				"partner.appointments.read", "partner.quotes.read");

		try (PublishedEvents events = PublishedEvents.on(AuthEvent.TOPIC)) {
			PublishedEvents.Received event = events.await(PublishedEvents.about(clientId));
			assertThat(event.type()).isEqualTo("auth.partner-client.issued.v1");
			assertThat(event.key()).isEqualTo(clientId);
			assertThat(event.data().path("partnerId").asString()).isEqualTo(partner.toString());
			assertThat(event.value()).doesNotContain(issued.path("clientSecret").asString());
		}
	}

	@Test
	void aNarrowedClientGetsOnlyItsScopes() throws ParseException {
		JsonNode issued = issued(knownPartner(), "[\"partner.appointments.read\"]");
		String clientId = issued.path("clientId").asString();
		String secret = issued.path("clientSecret").asString();

		JWTClaimsSet claims = server
			.verify(AuthServer.json(server.clientCredentials(clientId, secret)).path("access_token").asString());
		assertThat(claims.getStringClaim("scope")).isEqualTo("partner.appointments.read");

		HttpResponse<String> wider = server.clientCredentials(clientId, secret, "partner.quotes.read");
		assertThat(wider.statusCode()).isEqualTo(400);
		assertThat(AuthServer.json(wider).path("error").asString()).isEqualTo("invalid_scope");
	}

	@Test
	void rotationStopsTheOldSecretAtOnce() {
		JsonNode issued = issued(knownPartner(), null);
		String clientId = issued.path("clientId").asString();

		HttpResponse<String> rotated = server.post("/api/partner-clients/" + clientId + "/rotate", admin, null);

		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
		String newSecret = AuthServer.json(rotated).path("clientSecret").asString();
		assertThat(newSecret).isNotEqualTo(issued.path("clientSecret").asString());
		HttpResponse<String> old = server.clientCredentials(clientId, issued.path("clientSecret").asString());
		assertThat(old.statusCode()).isEqualTo(401);
		assertThat(AuthServer.json(old).path("error").asString()).isEqualTo("invalid_client");
		assertThat(server.clientCredentials(clientId, newSecret).statusCode()).isEqualTo(200);
		JsonNode shown = AuthServer.json(server.get("/api/partner-clients/" + clientId, admin));
		assertThat(shown.path("secretRotatedAt").asString()).isNotBlank();
		assertThat(shown.has("clientSecret")).isFalse();
	}

	@Test
	void revocationRefusesNewTokensAndIsAnnounced() {
		UUID partner = knownPartner();
		JsonNode issued = issued(partner, null);
		String clientId = issued.path("clientId").asString();
		String secret = issued.path("clientSecret").asString();
		assertThat(server.clientCredentials(clientId, secret).statusCode()).isEqualTo(200);

		HttpResponse<String> revoked = server.post("/api/partner-clients/" + clientId + "/revoke", admin, null);

		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
		JsonNode client = AuthServer.json(revoked);
		assertThat(client.path("status").asString()).isEqualTo("REVOKED");
		HttpResponse<String> refused = server.clientCredentials(clientId, secret);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(AuthServer.json(refused).path("error").asString()).isEqualTo("invalid_client");
		try (PublishedEvents events = PublishedEvents.on(AuthEvent.TOPIC)) {
			PublishedEvents.Received event = events
				.await(PublishedEvents.about(clientId).and(PublishedEvents.ofType("auth.partner-client.revoked.v1")));
			assertThat(event.data().path("clientId").asString()).isEqualTo(clientId);
			assertThat(event.data().path("partnerId").asString()).isEqualTo(partner.toString());
			assertThat(event.data().path("revokedAt").asString()).isEqualTo(client.path("revokedAt").asString());
		}
		assertProblem(server.post("/api/partner-clients/" + clientId + "/revoke", admin, null), 409,
				"partner-client-revoked");
		assertProblem(server.post("/api/partner-clients/" + clientId + "/rotate", admin, null), 409,
				"partner-client-revoked");
	}

	@Test
	void clientsAreListedByPartnerWithoutTheirSecrets() {
		UUID partner = knownPartner();
		String first = issued(partner, null).path("clientId").asString();
		String second = issued(partner, null).path("clientId").asString();
		issued(knownPartner(), null);

		JsonNode page = AuthServer.json(server.get("/api/partner-clients?partnerId=" + partner + "&size=1", admin));

		assertThat(page.path("page").path("totalElements").asLong()).isEqualTo(2);
		assertThat(page.path("content")).hasSize(1);
		assertThat(page.path("content").get(0).path("clientId").asString()).isIn(first, second);
		assertThat(page.path("content").get(0).has("clientSecret")).isFalse();
		assertProblem(server.get("/api/partner-clients/partner-00000000000000000000", admin), 404,
				"partner-client-not-found");
	}

	@Test
	void aPartnerNobodyAnnouncedGetsNoClient() {
		long before = clients();

		assertProblem(issue("{\"partnerId\": \"" + UUID.randomUUID() + "\"}"), 422, "unknown-partner");
		assertThat(clients()).isEqualTo(before);
	}

	@Test
	void unknownScopesAndBrokenJsonAreRefused() {
		HttpResponse<String> unknownScope = issue(
				"{\"partnerId\": \"" + knownPartner() + "\", \"scopes\": [\"partner.quotes.read\", \"admin\"]}");
		assertProblem(unknownScope, 400, "validation-failed");
		assertThat(AuthServer.json(unknownScope).path("errors").get(0).path("field").asString()).isEqualTo("scopes[1]");
		assertProblem(issue("{\"partnerId\": "), 400, "malformed-request");
		assertProblem(issue("{\"partnerId\": \"not-a-uuid\"}"), 400, "validation-failed");
		assertProblem(issue("{}"), 400, "validation-failed");
	}

	@Test
	void withoutATokenTheApiAnswers401() {
		assertProblem(server.get("/api/partner-clients", null), 401, "unauthorized");
		assertThat(server.get("/api/partner-clients", null).headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
		assertProblem(server.post("/api/partner-clients", "not-a-jwt", "{}"), 401, "unauthorized");
	}

	@Test
	void aTokenThisServerDidNotSignAnswers401() throws JOSEException {
		var key = new RSAKeyGenerator(2048).keyID("elsewhere").generate();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("elsewhere").build(),
				new JWTClaimsSet.Builder().issuer("http://localhost:9000")
					.audience("parcours-api")
					.subject("intruder")
					.claim("roles", List.of("admin"))
					.issueTime(new Date())
					.expirationTime(new Date(System.currentTimeMillis() + 60_000))
					.build());
		forged.sign(new RSASSASigner(key));

		assertProblem(server.get("/api/partner-clients", forged.serialize()), 401, "unauthorized");
	}

	@Test
	void anyoneButAnAdministratorGets403() {
		String coordinator = server.accessToken("demo-coordinator", "demo-secret");
		JsonNode partnerClient = issued(knownPartner(), null);
		String partner = server.accessToken(partnerClient.path("clientId").asString(),
				partnerClient.path("clientSecret").asString());

		assertProblem(server.get("/api/partner-clients", coordinator), 403, "forbidden");
		assertProblem(server.post("/api/partner-clients", partner, "{\"partnerId\": \"" + UUID.randomUUID() + "\"}"),
				403, "forbidden");
	}

	/** A partner that partner-service announced and this server has taken in. */
	private UUID knownPartner() {
		UUID partner = UUID.randomUUID();
		TestEvents.publish(new PartnerRegistered(partner, "CLINIC", "FR", "Lyon", "Europe/Paris",
				List.of("orthopaedics"), List.of("fr")), partner, 0);
		Awaitility.await()
			.until(() -> jdbc.sql("select count(*) from known_partner where partner_id = ?")
				.param(partner)
				.query(Long.class)
				.single() == 1);
		return partner;
	}

	private HttpResponse<String> issue(String json) {
		return server.post("/api/partner-clients", admin, json);
	}

	private JsonNode issued(UUID partner, String scopes) {
		HttpResponse<String> response = issue(
				"{\"partnerId\": \"" + partner + "\"" + (scopes == null ? "" : ", \"scopes\": " + scopes) + "}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return AuthServer.json(response);
	}

	private long clients() {
		return jdbc.sql("select count(*) from partner_client").query(Long.class).single();
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	private static void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(contentType -> assertThat(contentType).startsWith(PROBLEM_JSON));
		assertThat(AuthServer.json(response).path("type").asString())
			.isEqualTo("https://parcours.care/problems/" + type);
	}

}
