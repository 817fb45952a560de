package care.parcours.system.scenarios;

import java.time.Duration;
import java.util.UUID;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a coordinator's front end sees through the gateway: the walking skeleton's slice
 * from partner registration to the practitioner's schedule, bad input, and a service
 * outage.
 */
class GatewayScenariosIT {

	private static RunningPlatform platform;

	private static Gateway gateway;

	@BeforeAll
	static void platform() {
		platform = Platform.get();
		gateway = new Gateway(platform.url(ServiceName.GATEWAY), "coordinator");
	}

	@Test
	void aPractitionerRegisteredThroughTheGatewayHasAScheduleWithinFiveSeconds() {
		Gateway.Answer partner = gateway.post("/api/partners", """
				{"name": "Clinique du Parc", "kind": "CLINIC", "country": "FR", "city": "Lyon",
				 "timeZone": "Europe/Paris", "specialties": ["orthopaedics"], "languages": ["fr", "en", "ar"]}
				""");
		assertThat(partner.status()).isEqualTo(201);
		String partnerId = partner.body().path("id").asString();

		Gateway.Answer practitioner = gateway.post("/api/partners/" + partnerId + "/practitioners", """
				{"name": "Dr Amina Haddad", "specialties": ["orthopaedics"], "languages": ["fr", "ar"]}
				""");
		assertThat(practitioner.status()).isEqualTo(201);
		String practitionerId = practitioner.body().path("id").asString();

		Gateway.Answer schedule = await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> gateway.get("/api/schedules/" + practitionerId), answer -> answer.status() == 200);
		assertThat(schedule.body().path("partnerId").asString()).isEqualTo(partnerId);
		assertThat(schedule.body().path("timeZone").asString()).isEqualTo("Europe/Paris");
	}

	@Test
	void withoutATokenNothingIsAnsweredButA401AndEachDemoRoleGetsOnlyWhatItMay() {
		Gateway.Answer anonymous = gateway.getAnonymously("/api/partners");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");

		assertThat(gateway.as("ops").get("/api/partners").status()).isEqualTo(200);
		assertThat(gateway.as("ops").get("/api/patients/" + UUID.randomUUID()).status()).isEqualTo(403);
		assertThat(gateway.as("billing").get("/api/quotes").status()).isEqualTo(200);
		assertThat(gateway.as("billing").post("/api/partners", "{}").status()).isEqualTo(403);
	}

	@Test
	void malformedInputGetsAProblemNamingIt() {
		Gateway.Answer answer = gateway.post("/api/partners", "{\"name\": \"Clinique\", ");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().path("type").asString()).isEqualTo("https://parcours.care/problems/malformed-request");
		assertThat(answer.body().path("correlationId").asString()).isNotBlank();
	}

	@Test
	void aPatientRecordOpensAndReadsBackThroughTheGateway() {
		Gateway.Answer created = gateway.post("/api/patients", """
				{"givenName": "Yasmine", "familyName": "Benali", "birthDate": "1984-03-02", "sex": "FEMALE",
				 "nationality": "MA", "countryOfResidence": "MA", "languages": ["ar", "fr"]}
				""");
		assertThat(created.status()).isEqualTo(201);

		Gateway.Answer read = gateway.get("/api/patients/" + created.body().path("id").asString());
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().path("familyName").asString()).isEqualTo("Benali");
	}

	@Test
	void quotesAnswerAPage() {
		Gateway.Answer quotes = gateway.get("/api/quotes");

		assertThat(quotes.status()).isEqualTo(200);
		assertThat(quotes.body().path("page").path("size").asInt()).isEqualTo(20);
	}

	@Test
	void withSchedulingDownItsRoutesAnswer503WithinTwoSecondsWhileOthersKeepWorking() {
		platform.stop(ServiceName.SCHEDULING);
		try {
			Gateway.Answer down = gateway.get("/api/schedules/" + UUID.randomUUID(), Duration.ofSeconds(2));

			assertThat(down.status()).isEqualTo(503);
			assertThat(down.contentType()).startsWith("application/problem+json");
			assertThat(down.body().path("type").asString())
				.isEqualTo("https://parcours.care/problems/service-unavailable");
			assertThat(gateway.get("/api/partners").status()).isEqualTo(200);
		}
		finally {
			platform.start(ServiceName.SCHEDULING);
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> gateway.get("/api/schedules/" + UUID.randomUUID()).status(), status -> status == 404);
	}

}
