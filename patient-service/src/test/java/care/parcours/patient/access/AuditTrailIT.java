package care.parcours.patient.access;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import care.parcours.patient.patients.PatientFixtures;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail only grows, whoever asks, and administrators read it per patient and
 * per user.
 */
@ParcoursTest
class AuditTrailIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	/**
	 * The proof with the production grants: a login role that is a member of
	 * parcours_patient_app, as the service's is, and no superuser, may insert and read
	 * audit rows, and is refused by the privileges themselves when it updates, deletes or
	 * truncates them.
	 */
	@Test
	void theServicesDatabaseRoleCanAppendAndReadTheTrailButNeverChangeIt() throws SQLException {
		UUID patient = patient("role");
		String role = "audit_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String password = UUID.randomUUID().toString();
		jdbc.sql("create role " + role + " login nosuperuser nocreaterole nocreatedb password '" + password
				+ "' in role parcours_patient_app")
			.update();
		try (Connection asService = connectAs(role, password); Statement sql = asService.createStatement()) {
			assertThat(sql.executeUpdate("""
					insert into patient_access (patient_id, actor, roles, action, outcome, correlation_id, accessed_at)
					values ('%s', 'probe', '{}', 'READ', 'ALLOWED', 'probe-1', now())
					""".formatted(patient))).isEqualTo(1);
			assertThat(sql.executeQuery("select count(*) from patient_access").next()).isTrue();

			for (String change : new String[] { "update patient_access set actor = 'someone-else'",
					"delete from patient_access", "truncate patient_access" }) {
				assertThatThrownBy(() -> sql.executeUpdate(change)).as(change)
					.isInstanceOf(SQLException.class)
					.satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("42501"))
					.hasMessageContaining("permission denied");
			}
			// The same role does the service's other work: the grants are not too narrow.
			assertThat(sql.executeUpdate("update patient set version = version where id = '" + patient + "'"))
				.isEqualTo(1);
		}
		finally {
			jdbc.sql("drop role " + role).update();
		}
		assertThat(
				jdbc.sql("select count(*) from patient_access where actor = 'someone-else'").query(Long.class).single())
			.isZero();
	}

	/**
	 * The tests connect as a superuser, whom privileges do not bind: then the trigger is
	 * what refuses, as it refuses the tables' owner.
	 */
	@Test
	void evenASuperuserIsRefusedByTheTriggerWhenChangingTheTrail() {
		UUID patient = patient("superuser");
		long before = jdbc.sql("select count(*) from patient_access").query(Long.class).single();

		for (String change : new String[] { "update patient_access set actor = 'someone-else' where patient_id = ?",
				"delete from patient_access where patient_id = ?" }) {
			assertThatThrownBy(() -> jdbc.sql(change).param(patient).update()).as(change)
				.rootCause()
				.hasMessageContaining("patient_access is append-only");
		}
		assertThatThrownBy(() -> jdbc.sql("truncate patient_access").update()).rootCause()
			.hasMessageContaining("patient_access is append-only");

		assertThat(jdbc.sql("select count(*) from patient_access").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void adminsReadAPatientsTrailNewestFirstWithWhoWhatWhyAndTheRequest() {
		UUID patient = patient("per-patient");
		http.get()
			.uri("/api/patients/{id}", patient)
			.header("X-Access-Purpose", "billing")
			.header("X-Correlation-Id", "trail-read")
			.header("Authorization", TestTokens.staff("billing").subject("paul.billing").bearer())
			.exchange()
			.expectStatus()
			.isOk();

		asAdmin("/api/patients/{id}/audit?size=1", patient).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page.totalElements")
			.isEqualTo(2)
			.jsonPath("$.content.length()")
			.isEqualTo(1)
			.jsonPath("$.content[0].action")
			.isEqualTo("READ")
			.jsonPath("$.content[0].actor")
			.isEqualTo("paul.billing")
			.jsonPath("$.content[0].roles[0]")
			.isEqualTo("billing")
			.jsonPath("$.content[0].purpose")
			.isEqualTo("billing")
			.jsonPath("$.content[0].outcome")
			.isEqualTo("ALLOWED")
			.jsonPath("$.content[0].correlationId")
			.isEqualTo("trail-read");
		asAdmin("/api/patients/{id}/audit?page=1&size=1", patient).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[0].action")
			.isEqualTo("CREATE");
	}

	@Test
	void adminsReadWhatOneUserAccessedNewestFirst() {
		String user = "nora.coordinator-" + UUID.randomUUID();
		String bearer = TestTokens.staff("coordinator").subject(user).bearer();
		UUID first = patient("per-user-1");
		UUID second = patient("per-user-2");
		for (UUID patient : new UUID[] { first, second }) {
			http.get()
				.uri("/api/patients/{id}", patient)
				.header("Authorization", bearer)
				.exchange()
				.expectStatus()
				.isOk();
		}

		asAdmin("/api/audit?user={user}", user).exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.page.totalElements")
			.isEqualTo(2)
			.jsonPath("$.content[0].patientId")
			.isEqualTo(second.toString())
			.jsonPath("$.content[1].patientId")
			.isEqualTo(first.toString());
	}

	@Test
	void onlyAdminsReadTheTrailAndAnUnknownPatientIsNotFound() {
		UUID patient = patient("admin-only");
		for (String role : new String[] { "coordinator", "assistant", "billing", "ops" }) {
			http.get()
				.uri("/api/patients/{id}/audit", patient)
				.header("Authorization", TestTokens.staff(role).bearer())
				.exchange()
				.expectStatus()
				.isForbidden();
			http.get()
				.uri("/api/audit?user=test-staff")
				.header("Authorization", TestTokens.staff(role).bearer())
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		asAdmin("/api/patients/{id}/audit", UUID.randomUUID()).exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("application/problem+json");
		refusedNaming(asAdmin("/api/audit").exchange(), "user");
	}

	private UUID patient(String tag) {
		return PatientFixtures.registeredId(http, """
				{"givenName": "Omar", "familyName": "Haddad-%s", "birthDate": "1990-04-12", "sex": "MALE",
				 "nationality": "MA", "countryOfResidence": "MA", "languages": ["ar"]}
				""".formatted(tag));
	}

	/** A connection to this test's database as another role. */
	private Connection connectAs(String role, String password) throws SQLException {
		String url;
		try (Connection current = dataSource.getConnection()) {
			url = current.getMetaData().getURL();
		}
		int query = url.indexOf('?');
		Properties credentials = new Properties();
		credentials.setProperty("user", role);
		credentials.setProperty("password", password);
		return DriverManager.getConnection(query < 0 ? url : url.substring(0, query), credentials);
	}

	/** A GET as an administrator, who reads the audit trail. */
	private RestTestClient.RequestHeadersSpec<?> asAdmin(String uri, Object... uriVariables) {
		return http.get().uri(uri, uriVariables).header("Authorization", TestTokens.staff("admin").bearer());
	}

}
