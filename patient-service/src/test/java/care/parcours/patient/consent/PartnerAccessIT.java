package care.parcours.patient.consent;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.consent.ConsentFixtures.patient;
import static care.parcours.patient.consent.ConsentFixtures.sharingWith;
import static care.parcours.patient.consent.ConsentFixtures.withdraw;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner reads a patient's record only while a consent names it, sees only what care
 * needs, and every attempt is audited, refused ones included.
 */
@ParcoursTest
class PartnerAccessIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPartnerIsRefusedWithoutConsentAllowedWithItAndRefusedAgainOnceWithdrawn() {
		UUID patient = patient(http, "partner-life");
		UUID partner = UUID.randomUUID();

		refused(patient, partner);

		UUID consent = sharingWith(http, patient, partner);
		read(patient, partner).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(patient.toString())
			.jsonPath("$.familyName")
			.isEqualTo("Vandenbroucke-partner-life")
			.jsonPath("$.birthDate")
			.isEqualTo("1979-11-05")
			.jsonPath("$.languages")
			.isEqualTo(List.of("nl", "fr"))
			// the minimum for care: no contacts, identifiers or address
			.jsonPath("$.email")
			.doesNotExist()
			.jsonPath("$.phone")
			.doesNotExist()
			.jsonPath("$.identifiers")
			.doesNotExist()
			.jsonPath("$.nationality")
			.doesNotExist();

		withdraw(http, patient, consent, "\"0\"").expectStatus().isOk();
		refused(patient, partner);

		List<Map<String, Object>> reads = jdbc.sql("""
				select outcome, partner_id, actor, array_to_string(roles, ',') as roles
				from patient_access where patient_id = ? and action = 'READ' order by id
				""").param(patient).query().listOfRows();
		assertThat(reads).extracting(row -> row.get("outcome")).containsExactly("REFUSED", "ALLOWED", "REFUSED");
		assertThat(reads).allSatisfy(row -> assertThat(row).containsEntry("partner_id", partner)
			.containsEntry("roles", "partner")
			.containsEntry("actor", "partner-" + partner.toString().substring(0, 8)));
	}

	@Test
	void aConsentNamingAnotherPartnerAllowsThatOneOnly() {
		UUID patient = patient(http, "partner-other");
		UUID named = UUID.randomUUID();
		sharingWith(http, patient, named);

		refused(patient, UUID.randomUUID());
		read(patient, named).expectStatus().isOk();
	}

	@Test
	void aConsentToAnotherPurposeDoesNotOpenTheRecordToAPartner() {
		UUID patient = patient(http, "partner-purpose");
		ConsentFixtures.granted(http, patient, "{\"purpose\": \"CARE_COORDINATION\", \"method\": \"SIGNED_FORM\"}");

		refused(patient, UUID.randomUUID());
	}

	@Test
	void anUnknownIdIsRefusedLikeAKnownOneSoThatAPartnerCannotProbeIds() {
		UUID unknown = UUID.randomUUID();

		refused(unknown, UUID.randomUUID());

		assertThat(jdbc.sql("select count(*) from patient_access where patient_id = ?")
			.param(unknown)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPartnerWithoutTheAppointmentsScopeIsForbiddenWhateverTheConsent() {
		UUID patient = patient(http, "partner-scope");
		UUID partner = UUID.randomUUID();
		sharingWith(http, patient, partner);

		http.get()
			.uri("/api/patients/{id}", patient)
			.header("Authorization", TestTokens.partner(partner).scopes("partner.quotes.read").bearer())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/forbidden");
	}

	@Test
	void partnersNeitherListNorFindPatientsNorReadConsents() {
		UUID patient = patient(http, "partner-list");
		UUID partner = UUID.randomUUID();
		sharingWith(http, patient, partner);
		String bearer = TestTokens.partner(partner).bearer();

		http.get().uri("/api/patients").header("Authorization", bearer).exchange().expectStatus().isForbidden();
		http.get()
			.uri("/api/patients/{id}/consents", patient)
			.header("Authorization", bearer)
			.exchange()
			.expectStatus()
			.isForbidden();
		http.get()
			.uri("/api/patients/{id}/audit", patient)
			.header("Authorization", bearer)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private void refused(UUID patient, UUID partner) {
		read(patient, partner).expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/consent-required")
			.jsonPath("$.purpose")
			.isEqualTo("SHARING_WITH_PARTNER")
			.jsonPath("$.partnerId")
			.isEqualTo(partner.toString())
			.jsonPath("$.familyName")
			.doesNotExist();
	}

	private RestTestClient.ResponseSpec read(UUID patient, UUID partner) {
		return http.get()
			.uri("/api/patients/{id}", patient)
			.header("Authorization", TestTokens.partner(partner).bearer())
			.exchange();
	}

}
