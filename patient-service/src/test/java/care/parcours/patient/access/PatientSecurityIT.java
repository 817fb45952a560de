package care.parcours.patient.access;

import java.util.UUID;

import care.parcours.test.ApiContractTests;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class PatientSecurityIT extends ApiContractTests {

	@Override
	protected String service() {
		return "patient-service";
	}

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	/**
	 * Operations never read a record; a partner only with the patient's consent
	 * (PartnerAccessIT), and an id no patient has leaves no audit row.
	 */
	@Test
	void operationsAndPartnersWithoutConsentNeverReadAPatientRecord() {
		UUID anyPatient = UUID.randomUUID();
		for (String bearer : new String[] { TestTokens.partner(UUID.randomUUID()).bearer(),
				TestTokens.staff("ops").bearer() }) {
			getAs(bearer, "/api/patients/{id}", anyPatient).exchange().expectStatus().isForbidden();
		}
		assertThat(jdbc.sql("select count(*) from patient_access").query(Long.class).single()).isZero();
	}

}
