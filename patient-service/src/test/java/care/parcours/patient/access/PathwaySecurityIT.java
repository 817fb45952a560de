package care.parcours.patient.access;

import java.util.List;
import java.util.UUID;

import care.parcours.patient.pathways.PathwayFixtures;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.pathways.PathwayFixtures.id;
import static care.parcours.patient.pathways.PathwayFixtures.opened;
import static care.parcours.patient.pathways.PathwayFixtures.patient;
import static care.parcours.patient.pathways.PathwayFixtures.stepId;
import static care.parcours.patient.pathways.PathwayFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what with pathways and templates (every operation's 401 and 403 without a
 * role are PatientSecurityIT's, over the whole document).
 */
@ParcoursTest
class PathwaySecurityIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void coordinatorsAndAssistantsWorkPathwaysBillingAndAdminsOnlyReadThemOperationsNeither() {
		JsonNode pathway = opened(http, patient(http, "roles"), template(http, "roles"), PathwayFixtures.SURGERY,
				"coord-roles", null);
		String skip = "/api/pathways/" + id(pathway) + "/steps/" + stepId(pathway, "quote") + "/skip";

		for (String role : new String[] { "billing", "admin" }) {
			get("/api/pathways/" + id(pathway), role).expectStatus().isOk();
			get("/api/pathways?coordinator=coord-roles", role).expectStatus().isOk();
			post(skip, role, "\"0\"", "{\"reason\": \"x\"}").expectStatus().isForbidden();
		}
		get("/api/pathways/" + id(pathway), "ops").expectStatus().isForbidden();
		get("/api/pathways", "ops").expectStatus().isForbidden();
		get("/api/pathway-templates", "ops").expectStatus().isForbidden();
		post(skip, "assistant", "\"0\"", "{\"reason\": \"Paid upfront\"}").expectStatus().isOk();
		post("/api/pathways/" + id(pathway) + "/hold", "coordinator", "\"1\"", "{}").expectStatus().isOk();
	}

	@Test
	void coordinatorsAndAdminsWriteTemplatesAllStaffButOperationsReadThem() {
		post("/api/pathway-templates", "assistant", null, PathwayFixtures.hipTemplate("by-assistant")).expectStatus()
			.isForbidden();
		post("/api/pathway-templates", "billing", null, PathwayFixtures.hipTemplate("by-billing")).expectStatus()
			.isForbidden();
		post("/api/pathway-templates", "coordinator", null, PathwayFixtures.hipTemplate("by-coordinator"))
			.expectStatus()
			.isCreated();
		post("/api/pathway-templates", "admin", null, PathwayFixtures.hipTemplate("by-admin")).expectStatus()
			.isCreated();
		for (String role : new String[] { "coordinator", "assistant", "billing", "admin" }) {
			get("/api/pathway-templates", role).expectStatus().isOk();
		}
	}

	@Test
	void aPartnerReadsOnlyThePathwaysAtItsOrganisationTheirStepsAndWhoseOnlyWithConsent() {
		UUID clinic = UUID.randomUUID();
		UUID patient = patient(http, "partner");
		JsonNode ours = opened(http, patient, template(http, "partner"), PathwayFixtures.SURGERY, "coord-p", clinic);
		JsonNode theirs = opened(http, patient, template(http, "partner-other"), PathwayFixtures.SURGERY, "coord-p",
				UUID.randomUUID());
		String bearer = TestTokens.partner(clinic).bearer();

		JsonNode seen = partnerGet("/api/pathways/" + id(ours), bearer).expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(seen.has("patientId")).isFalse();
		assertThat(seen.has("alerts")).isFalse();
		assertThat(seen.has("coordinatorId")).isFalse();
		assertThat(seen.get("steps")).hasSize(6);
		assertThat(seen.get("steps").get(3).get("specialty").asString()).isEqualTo("orthopaedics");
		partnerGet("/api/pathways/" + id(theirs), bearer).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/pathway-not-found");
		partnerGet("/api/pathways/" + id(theirs) + "/steps/" + stepId(theirs, "quote"), bearer).expectStatus()
			.isNotFound();
		partnerGet("/api/pathways/" + id(ours) + "/steps/" + stepId(ours, "quote"), bearer).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.reason")
			.doesNotExist();

		http.post()
			.uri("/api/patients/{id}/consents", patient)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"purpose\": \"SHARING_WITH_PARTNER\", \"partnerId\": \"%s\", \"method\": \"SIGNED_FORM\"}"
				.formatted(clinic))
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(partnerReadsAudited(patient)).as("reads that showed no patient").isEmpty();
		partnerGet("/api/pathways/" + id(ours), bearer).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.patientId")
			.isEqualTo(patient.toString());
		partnerGet("/api/pathways/" + id(ours) + "/steps/" + stepId(ours, "quote"), bearer).expectStatus().isOk();
		// The read that showed whose pathway it is, and only it, is in the patient's
		// trail.
		assertThat(partnerReadsAudited(patient)).containsExactly(clinic + " " + id(ours));
	}

	private List<String> partnerReadsAudited(UUID patient) {
		return jdbc
			.sql("select partner_id || ' ' || item_id from patient_access"
					+ " where patient_id = ? and action = 'PARTNER_READ_PATHWAY' and outcome = 'ALLOWED'")
			.param(patient)
			.query(String.class)
			.list();
	}

	@Test
	void partnersChangeNoPathwayAndNeedTheAppointmentsScopeToReadOne() {
		UUID clinic = UUID.randomUUID();
		JsonNode pathway = opened(http, patient(http, "partner-write"), template(http, "partner-write"),
				PathwayFixtures.SURGERY, "coord-pw", clinic);

		http.post()
			.uri("/api/pathways/{id}/hold", id(pathway))
			.header(HttpHeaders.AUTHORIZATION, TestTokens.partner(clinic).bearer())
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isForbidden();
		partnerGet("/api/pathways/" + id(pathway), TestTokens.partner(clinic).scopes("partner.quotes.read").bearer())
			.expectStatus()
			.isForbidden();
		partnerGet("/api/pathway-templates", TestTokens.partner(clinic).bearer()).expectStatus().isForbidden();
	}

	private RestTestClient.ResponseSpec get(String uri, String role) {
		return partnerGet(uri, TestTokens.staff(role).bearer());
	}

	private RestTestClient.ResponseSpec partnerGet(String uri, String bearer) {
		return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
	}

	private RestTestClient.ResponseSpec post(String uri, String role, String ifMatch, String body) {
		RestTestClient.RequestBodySpec request = http.post()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff(role).bearer())
			.contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return request.body(body).exchange();
	}

}
