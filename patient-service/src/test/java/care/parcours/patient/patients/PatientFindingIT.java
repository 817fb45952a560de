package care.parcours.patient.patients;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.patients.PatientFixtures.JSON;
import static care.parcours.patient.patients.PatientFixtures.register;
import static care.parcours.patient.patients.PatientFixtures.registeredId;
import static care.parcours.patient.patients.PatientFixtures.yasmine;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class PatientFindingIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPatientIsFoundByEMailPhoneOrIdentifierAsWrittenAnotherWayAndEachHitIsAudited() {
		ObjectNode yasmine = yasmine("lookup");
		UUID id = registeredId(http, yasmine);
		String nir = yasmine.get("identifiers").get(1).get("value").asString();
		String spacedNir = nir.substring(0, 1) + " " + nir.substring(1, 3) + " " + nir.substring(3);

		for (String term : List.of("{\"email\": \"Yasmine.LOOKUP@Example.org\"}",
				"{\"phone\": \"00212 612 " + PatientFixtures.digits("lookup", 6) + "\"}",
				"{\"identifier\": {\"type\": \"FR_NIR\", \"value\": \"" + spacedNir + "\"}}",
				"{\"identifier\": {\"type\": \"PASSPORT\", \"value\": \"ab" + PatientFixtures.digits("lookup", 7)
						+ "\", \"issuingCountry\": \"MA\"}}")) {
			post("/api/patients/lookup", term).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.content[*].id")
				.isEqualTo(List.of(id.toString()))
				.jsonPath("$.content[0].familyName")
				.isEqualTo("Benali-lookup");
		}
		assertThat(jdbc.sql("select count(*) from patient_access where patient_id = ? and action = 'LOOKUP'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	@Test
	void aPassportOfAnotherCountryOrAnUnknownAddressFindsNobody() {
		registeredId(http, yasmine("nobody"));

		post("/api/patients/lookup",
				"{\"identifier\": {\"type\": \"PASSPORT\", \"value\": \"AB" + PatientFixtures.digits("nobody", 7)
						+ "\", \"issuingCountry\": \"DZ\"}}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(0);
		post("/api/patients/lookup", "{\"email\": \"nobody@example.org\"}").expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(0);
	}

	@Test
	void aLookUpTakesExactlyOneTerm() {
		post("/api/patients/lookup", "{\"email\": \"a@example.org\", \"phone\": \"+33612345678\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/lookup-needs-one-term");
		refusedNaming(post("/api/patients/lookup", "{\"phone\": \"06 12 34 56 78\"}"), "phone");
	}

	@Test
	void theSearchFoldsCaseAndAccentsOfTheWholeFamilyNameAndFiltersByBirthDate() {
		ObjectNode muller = yasmine("search");
		muller.put("familyName", "Müller-Dubois");
		UUID id = registeredId(http, muller);
		ObjectNode sameYear = yasmine("search-other");
		sameYear.put("familyName", "MULLER DUBOIS");
		sameYear.put("givenName", "Ines");
		sameYear.put("birthDate", "1984-11-30");
		UUID other = registeredId(http, sameYear);

		post("/api/patients/search", "{\"familyName\": \"muller dubois\", \"birthDate\": \"1984-03-02\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].id")
			.isEqualTo(List.of(id.toString()));
		post("/api/patients/search", "{\"familyName\": \"Muller-Dubois\", \"birthYear\": 1984}").expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from patient_access where patient_id = ? and action = 'SEARCH'")
			.param(other)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void theSearchHasNoPrefixNoOtherYearAndNoGivenNameMatch() {
		ObjectNode patient = yasmine("limits");
		patient.put("familyName", "Haddad");
		registeredId(http, patient);

		for (String query : List.of("{\"familyName\": \"Hadd\", \"birthYear\": 1984}",
				"{\"familyName\": \"Haddad\", \"birthYear\": 1985}",
				"{\"familyName\": \"Yasmine\", \"birthYear\": 1984}",
				"{\"familyName\": \"Hadad\", \"birthYear\": 1984}")) {
			post("/api/patients/search", query).expectBody().jsonPath("$.content.length()").isEqualTo(0);
		}
		refusedNaming(post("/api/patients/search", "{\"familyName\": \"Haddad\"}"), "birthDate");
	}

	@Test
	void registeringSomeoneWithAnIdentifierAlreadyHeldIsAConflictNamingTheRecordNotThePerson() {
		ObjectNode first = yasmine("duplicate-id");
		UUID existing = registeredId(http, first);
		ObjectNode second = yasmine("duplicate-id-other");
		second.set("identifiers", first.get("identifiers"));
		long before = count();

		register(http, second).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/patient-already-registered")
			.jsonPath("$.existingPatientIds")
			.isEqualTo(List.of(existing.toString()))
			.jsonPath("$.matchedOn")
			.isEqualTo(List.of("identifier"))
			.consumeWith(result -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
				.doesNotContain("Benali", "AB" + PatientFixtures.digits("duplicate-id", 7)));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void registeringTheSameNamesAndBirthDateIsAConflictUnlessConfirmedAsSomeoneElse() {
		ObjectNode first = yasmine("homonym");
		UUID existing = registeredId(http, first);
		ObjectNode homonym = yasmine("homonym-2");
		homonym.put("email", "other.homonym@example.org");
		homonym.put("familyName", "benali homonym");

		register(http, homonym).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.matchedOn")
			.isEqualTo(List.of("name-and-birth-date"));

		homonym.set("confirmedDistinctFrom", JSON.readTree("[\"" + existing + "\"]"));
		register(http, homonym).expectStatus().isCreated();
	}

	@Test
	void twoRegistrationsOfOnePersonAtTheSameMomentLeaveOneRecord() throws Exception {
		for (int round = 0; round < 5; round++) {
			String body = yasmine("race-" + round).toString();
			CyclicBarrier together = new CyclicBarrier(2);
			Callable<Integer> registration = () -> {
				together.await();
				return post("/api/patients", body).returnResult().getStatus().value();
			};
			try (ExecutorService clients = Executors.newFixedThreadPool(2)) {
				List<Future<Integer>> answers = clients.invokeAll(List.of(registration, registration));
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> answer : answers) {
					statuses.add(answer.get());
				}
				assertThat(statuses).containsExactlyInAnyOrder(201, 409);
			}
		}
	}

	private long count() {
		return jdbc.sql("select count(*) from patient").query(Long.class).single();
	}

	private RestTestClient.ResponseSpec post(String path, String body) {
		return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

}
