package care.parcours.patient.consent;

import java.util.UUID;

import care.parcours.patient.patients.PatientFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Patients and consents the consent tests make, each test with its own. */
final class ConsentFixtures {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private ConsentFixtures() {
	}

	/** Registers a patient whose family name carries the tag, so no two tests collide. */
	static UUID patient(RestTestClient http, String tag) {
		return PatientFixtures.registeredId(http, """
				{"givenName": "Inès", "familyName": "Vandenbroucke-%s", "birthDate": "1979-11-05", "sex": "FEMALE",
				 "nationality": "BE", "countryOfResidence": "BE", "languages": ["nl", "fr"],
				 "email": "ines.%s@example.be", "phone": "+32470123456"}
				""".formatted(tag, tag));
	}

	static RestTestClient.ResponseSpec grant(RestTestClient http, UUID patient, String body) {
		return http.post()
			.uri("/api/patients/{id}/consents", patient)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	static UUID granted(RestTestClient http, UUID patient, String body) {
		JsonNode consent = grant(http, patient, body).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return UUID.fromString(consent.get("id").asString());
	}

	static UUID sharingWith(RestTestClient http, UUID patient, UUID partner) {
		return granted(http, patient, """
				{"purpose": "SHARING_WITH_PARTNER", "partnerId": "%s", "method": "SIGNED_FORM"}
				""".formatted(partner));
	}

	static RestTestClient.ResponseSpec withdraw(RestTestClient http, UUID patient, UUID consent, String ifMatch) {
		return http.post()
			.uri("/api/patients/{id}/consents/{consent}/withdrawal", patient, consent)
			.contentType(MediaType.APPLICATION_JSON)
			.header("If-Match", ifMatch)
			.body("{\"method\": \"ORAL\"}")
			.exchange();
	}

}
