package care.parcours.patient.access;

import java.util.Set;
import java.util.UUID;

import care.parcours.test.ApiContract;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class PatientSecurityIT {

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOpenApiDocumentIsTheOneCheckedIn() {
		ApiContract.of(port).assertDocumentIsCommitted("patient-service");
	}

	@Test
	void everyOperationRefusesACallWithoutAToken() {
		ApiContract.of(port).assertEveryOperationAnswers(401, (operation) -> null, Set.of());
	}

	@Test
	void everyOperationRefusesATokenWithoutARole() {
		ApiContract.of(port).assertEveryOperationAnswers(403, (operation) -> TestTokens.staff().bearer(), Set.of());
	}

	@Test
	void partnerSystemsAndOperationsNeverReadAPatientRecordAndTheRefusalLeavesNoAuditRow() {
		UUID anyPatient = UUID.randomUUID();
		for (String bearer : new String[] { TestTokens.partner(UUID.randomUUID()).bearer(),
				TestTokens.staff("ops").bearer() }) {
			http.get()
				.uri("/api/patients/{id}", anyPatient)
				.header(HttpHeaders.AUTHORIZATION, bearer)
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		assertThat(jdbc.sql("select count(*) from patient_access").query(Long.class).single()).isZero();
	}

}
