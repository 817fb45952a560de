package care.parcours.partner.access;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import care.parcours.events.auth.PartnerClientRevoked;
import care.parcours.events.auth.SessionEnded;
import care.parcours.partner.PartnerFixtures;
import care.parcours.test.ApiContractTests;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ParcoursTest(properties = { "parcours.webhooks.allow-loopback=true", "parcours.security.revocation-refresh=0s" })
class PartnerSecurityIT extends ApiContractTests {

	@Override
	protected String service() {
		return "partner-service";
	}

	@Autowired
	RestTestClient http;

	UUID ours;

	UUID theirs;

	UUID theirPractitioner;

	UUID theirEndpoint;

	UUID theirRoom;

	@BeforeEach
	void twoPartners() {
		ours = created("/api/partners", PartnerFixtures.clinicJson("Clinique " + UUID.randomUUID()));
		theirs = created("/api/partners", PartnerFixtures.clinicJson("Clinique " + UUID.randomUUID()));
		theirPractitioner = created("/api/partners/" + theirs + "/practitioners", """
				{"name": "Dr Other", "specialties": ["orthopaedics"], "languages": ["fr"], "identifiers": []}
				""");
		theirRoom = created("/api/partners/" + theirs + "/resources", """
				{"kind": "OPERATING_ROOM", "label": "Bloc A", "specialties": ["orthopaedics"]}
				""");
		theirEndpoint = created("/api/partners/" + theirs + "/webhooks", """
				{"url": "https://93.184.215.14/hooks", "eventTypes": ["scheduling.appointment.booked.v1"]}
				""");
	}

	@Test
	void anotherPartnersResourcesDoNotExistForAPartner() {
		String partner = TestTokens.partner(ours).bearer();
		for (String path : List.of("/api/partners/" + theirs, "/api/partners/" + theirs + "/practitioners",
				"/api/practitioners/" + theirPractitioner, "/api/partners/" + theirs + "/resources",
				"/api/resources/" + theirRoom, "/api/partners/" + theirs + "/webhooks",
				"/api/partners/" + theirs + "/webhooks/" + theirEndpoint,
				"/api/partners/" + theirs + "/webhooks/" + theirEndpoint + "/deliveries")) {
			getAs(partner, path).exchange()
				.expectStatus()
				.isNotFound()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.name")
				.doesNotExist();
		}
		postAs(partner, "/api/partners/{id}/webhooks", theirs)
			.body(Map.of("url", "https://93.184.215.14/mine", "eventTypes",
					List.of("scheduling.appointment.booked.v1")))
			.exchange()
			.expectStatus()
			.isNotFound();
		deleteAs(partner, "/api/partners/{p}/webhooks/{e}", theirs, theirEndpoint).exchange()
			.expectStatus()
			.isNotFound();
		// Still there for its owner.
		getAs(TestTokens.partner(theirs).bearer(), "/api/partners/{p}/webhooks/{e}", theirs, theirEndpoint).exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aPartnerReadsItsOwnEntryAndManagesItsOwnWebhooksButNotTheDirectory() {
		String partner = TestTokens.partner(ours).bearer();
		getAs(partner, "/api/partners/{id}", ours).exchange().expectStatus().isOk();
		postAs(partner, "/api/partners/{id}/webhooks", ours)
			.body(Map.of("url", "https://93.184.215.14/mine", "eventTypes",
					List.of("scheduling.appointment.booked.v1")))
			.exchange()
			.expectStatus()
			.isCreated();
		getAs(partner, "/api/partners/{id}/resources", ours).exchange().expectStatus().isOk();
		postAs(partner, "/api/partners/{id}/resources", ours).body(Map.of("kind", "MRI", "label", "IRM"))
			.exchange()
			.expectStatus()
			.isForbidden();
		for (String path : List.of("/api/partners", "/api/partners/search?specialty=orthopaedics")) {
			getAs(partner, path).exchange().expectStatus().isForbidden();
		}
		putAs(partner, "/api/partners/{id}/status", ours).body(Map.of("status", "ACTIVE"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void onlyAnAdministratorChangesAPartnersStatus() {
		putAs(TestTokens.staff("coordinator").bearer(), "/api/partners/{id}/status", ours)
			.body(Map.of("status", "ACTIVE"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void tokensTheServiceCannotTrustAreRefusedWithProblemDetails() {
		TestTokens.Token coordinator = TestTokens.staff("coordinator");
		Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
		Map<String, String> refused = Map.of("expired", coordinator.issued(anHourAgo, Duration.ofMinutes(10)).jwt(),
				"signed by another key", coordinator.signedBy(TestTokens.forger()).jwt(), "another issuer",
				coordinator.issuer("https://evil.example").jwt(), "another audience",
				coordinator.audience("some-other-api").jwt(), "tampered claims", tampered(coordinator.jwt()),
				"alg none", unsigned(coordinator.jwt()), "HS256 keyed with the public key",
				hmacSigned(coordinator.jwt()), "not a JWT", "garbage.garbage.garbage", "not a bearer token at all",
				"spaces & signs");
		refused.forEach((why, jwt) -> getAs("Bearer " + jwt, "/api/partners").exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/invalid-token")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).as(why).doesNotContainIgnoringCase("exception")));
		getAs(coordinator.bearer(), "/api/partners").exchange().expectStatus().isOk();
	}

	@Test
	void theTokensOfARevokedPartnerClientAreRefusedBeforeTheyExpire() {
		TestTokens.Token client = TestTokens.partner(ours).clientId("partner-client-" + UUID.randomUUID());
		String before = client.issued(Instant.now().minusSeconds(60), Duration.ofMinutes(10)).bearer();
		getAs(before, "/api/partners/{id}", ours).exchange().expectStatus().isOk();

		TestEvents.publish(new PartnerClientRevoked(client.clientId(), ours, Instant.now().minusSeconds(1)), ours, 1);

		await()
			.untilAsserted(() -> getAs(before, "/api/partners/{id}", ours).exchange().expectStatus().isUnauthorized());
		// Another client of the same partner still works.
		getAs(TestTokens.partner(ours).bearer(), "/api/partners/{id}", ours).exchange().expectStatus().isOk();
	}

	@Test
	void theTokensOfAnEndedSessionAreRefusedBeforeTheyExpire() {
		String session = UUID.randomUUID().toString();
		String ended = TestTokens.staff("coordinator").session(session).bearer();
		String otherSession = TestTokens.staff("coordinator").session(UUID.randomUUID().toString()).bearer();
		getAs(ended, "/api/partners").exchange().expectStatus().isOk();

		TestEvents.publish(new SessionEnded(session, Instant.now(), SessionEnded.LOGGED_OUT), session, 1);

		await().untilAsserted(() -> getAs(ended, "/api/partners").exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE,
					(String challenge) -> assertThat(challenge).contains("invalid_token")));
		getAs(otherSession, "/api/partners").exchange().expectStatus().isOk();
	}

	private UUID created(String path, String json) {
		return PartnerFixtures.created(http, path, json);
	}

	private static String tampered(String jwt) {
		String[] parts = jwt.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("\"coordinator\"", "\"admin\"");
		return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "."
				+ parts[2];
	}

	private static String unsigned(String jwt) {
		String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
		return header + "." + jwt.split("\\.")[1] + ".";
	}

	private static String hmacSigned(String jwt) {
		try {
			String header = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes());
			String input = header + "." + jwt.split("\\.")[1];
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(TestTokens.publicKeyPem().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return input + "."
					+ Base64.getUrlEncoder()
						.withoutPadding()
						.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
