package care.parcours.patient.patients;

import java.util.UUID;

import care.parcours.patient.patients.PatientViews.PatientView;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Patients the tests register, each test with people of its own. */
public final class PatientFixtures {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private PatientFixtures() {
	}

	/**
	 * A patient from Morocco with a passport and a French NIR. {@code tag} makes the
	 * names, contacts and numbers of one test differ from every other's.
	 */
	public static ObjectNode yasmine(String tag) {
		String nir13 = "2840399" + digits(tag, 6);
		return (ObjectNode) JSON.readTree("""
				{"givenName": "Yasmine", "familyName": "Benali-%1$s", "birthDate": "1984-03-02", "sex": "FEMALE",
				 "nationality": "MA", "countryOfResidence": "MA", "languages": ["ar", "fr"], "preferredLanguage": "fr",
				 "email": "yasmine.%1$s@example.org", "phone": "+212 6 12 %2$s",
				 "address": {"lines": ["12 rue des Orangers"], "postalCode": "20000", "city": "Casablanca",
				             "country": "MA"},
				 "emergencyContact": {"name": "Karim Benali", "relationship": "brother", "phone": "+212661000000",
				                      "companion": true},
				 "identifiers": [
				   {"type": "PASSPORT", "value": "AB%3$s", "issuingCountry": "MA"},
				   {"type": "FR_NIR", "value": "%4$s"}]}
				""".formatted(tag, digits(tag, 6), digits(tag, 7), nir13 + "%02d".formatted(nirKey(nir13))));
	}

	/** Six or seven digits derived from the tag, the same for the same tag. */
	static String digits(String tag, int count) {
		long value = Math.floorMod(tag.hashCode(), (long) Math.pow(10, count));
		return String.format("%0" + count + "d", value);
	}

	static int nirKey(String thirteen) {
		return (int) (97 - Long.parseLong(thirteen) % 97);
	}

	public static RestTestClient.ResponseSpec register(RestTestClient http, Object body) {
		return http.post()
			.uri("/api/patients")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body.toString())
			.exchange();
	}

	static PatientView registered(RestTestClient http, Object body) {
		return register(http, body).expectStatus()
			.isCreated()
			.expectBody(PatientView.class)
			.returnResult()
			.getResponseBody();
	}

	public static UUID registeredId(RestTestClient http, Object body) {
		return registered(http, body).id();
	}

}
