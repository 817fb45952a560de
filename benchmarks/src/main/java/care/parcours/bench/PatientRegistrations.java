package care.parcours.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/**
 * Patients registered over {@code POST /api/patients} as a front desk registers them:
 * names, contacts, an address and an insurer number of their own, each encrypted by
 * patient-service.
 */
final class PatientRegistrations {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PatientRegistrations() {
	}

	/** Registers {@code count} patients, 8 at a time; their ids in registration order. */
	static List<UUID> register(HttpClient http, URI patientService, String bearer, int count) throws Exception {
		return Concurrently.run(count, 8, n -> {
			String body = """
					{"givenName": "Amina", "familyName": "Bench-%1$d", "birthDate": "19%2$02d-0%3$d-1%4$d",
					 "sex": "FEMALE", "nationality": "BE", "countryOfResidence": "BE", "languages": ["fr", "nl"],
					 "email": "amina.%1$d@example.org", "phone": "+3247%5$07d",
					 "address": {"lines": ["Rue de la Loi %1$d"], "postalCode": "1000", "city": "Bruxelles",
					             "country": "BE"},
					 "identifiers": [{"type": "INSURER_MEMBER", "value": "M%1$08d", "insurer": "MUT-BE"}]}
					""".formatted(n, 40 + n % 50, 1 + n % 9, n % 10, n);
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(patientService.resolve("/api/patients"))
				.header("Authorization", bearer)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 201) {
				throw new IllegalStateException("Registering answered " + response.statusCode());
			}
			return UUID.fromString(JSON.readTree(response.body()).path("id").asString());
		});
	}

}
