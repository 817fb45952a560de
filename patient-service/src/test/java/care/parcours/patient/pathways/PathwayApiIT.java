package care.parcours.patient.pathways;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.patient.PatientEvent;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.pathways.PathwayFixtures.SURGERY;
import static care.parcours.patient.pathways.PathwayFixtures.id;
import static care.parcours.patient.pathways.PathwayFixtures.open;
import static care.parcours.patient.pathways.PathwayFixtures.opened;
import static care.parcours.patient.pathways.PathwayFixtures.patient;
import static care.parcours.patient.pathways.PathwayFixtures.post;
import static care.parcours.patient.pathways.PathwayFixtures.stepId;
import static care.parcours.patient.pathways.PathwayFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class PathwayApiIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PathwayService service;

	@Test
	void openingAPathwayPlansItsStepsAndAnnouncesItWithThePathwayIdOnEveryEnvelope() {
		UUID patient = patient(http, "opening");
		UUID template = template(http, "opening");
		UUID partner = UUID.randomUUID();

		try (PublishedEvents events = PublishedEvents.on(PatientEvent.TOPIC)) {
			JsonNode pathway = open(http, """
					{"patientId": "%s", "templateId": "%s", "anchorAt": "%s", "partnerId": "%s"}
					""".formatted(patient, template, SURGERY, partner)).expectStatus()
				.isCreated()
				.expectHeader()
				.valueEquals("ETag", "\"0\"")
				.expectHeader()
				.value("Location", location -> assertThat(location).startsWith("/api/pathways/"))
				.expectBody(JsonNode.class)
				.returnResult()
				.getResponseBody();
			String id = pathway.get("id").asString();

			assertThat(pathway.get("status").asString()).isEqualTo("OPEN");
			assertThat(pathway.get("coordinatorId").asString()).isEqualTo("test-staff");
			assertThat(pathway.get("template").get("version").asInt()).isOne();
			assertThat(pathway.get("steps").valueStream().map(step -> step.get("dueAt").asString()).toList())
				.containsExactly("2026-02-08T08:00:00Z", "2026-02-13T08:00:00Z", "2026-03-09T08:00:00Z",
						"2026-03-10T08:00:00Z", "2026-03-17T08:00:00Z", "2026-04-09T08:00:00Z");

			PublishedEvents.Received openedEvent = events
				.await(PublishedEvents.ofType("patient.pathway.opened.v1").and(PublishedEvents.about(id)));
			assertThat(openedEvent.envelope().get("pathwayId").asString()).isEqualTo(id);
			assertThat(openedEvent.data().get("partnerId").asString()).isEqualTo(partner.toString());
			assertThat(openedEvent.data().propertyNames()).doesNotContain("givenName", "familyName");
			events.await(PublishedEvents.ofType("patient.pathway.step-changed.v1")
				.and(PublishedEvents.about(id))
				.and(received -> received.data().get("kind").asString().equals("FOLLOW_UP")
						&& received.data().get("dueAt").asString().equals("2026-04-09T08:00:00Z")));
			assertThat(events.all(PublishedEvents.about(id))).hasSize(7)
				.allSatisfy(received -> assertThat(received.envelope().get("pathwayId").asString()).isEqualTo(id));
		}
	}

	@Test
	void anUnknownPatientOrTemplateIsA404AndOpensNothing() {
		UUID patient = patient(http, "unknowns");
		UUID template = template(http, "unknowns");

		open(http, body(UUID.randomUUID(), template)).expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/patient-not-found");
		open(http, body(patient, UUID.randomUUID())).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/template-not-found");
		open(http, """
				{"patientId": "%s", "templateId": "%s", "templateVersion": 4, "anchorAt": "%s"}
				""".formatted(patient, template, SURGERY)).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/template-version-not-found");
		open(http, "{\"patientId\": \"%s\", \"templateId\": \"%s\"}".formatted(patient, template)).expectStatus()
			.isBadRequest();

		assertThat(
				jdbc.sql("select count(*) from pathway where patient_id = ?").param(patient).query(Long.class).single())
			.isZero();
	}

	@Test
	void stepsAreSkippedReassignedAndMovedOnTheVersionTheCoordinatorRead() {
		JsonNode pathway = openOne("steps");
		UUID id = id(pathway);
		UUID quote = stepId(pathway, "quote");
		UUID preOp = stepId(pathway, "pre-op");

		post(http, "/api/pathways/" + id + "/steps/" + quote + "/reassign", "\"0\"",
				"{\"assigneeId\": \"billing-3\", \"ownerRole\": \"BILLING\"}")
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.steps[1].assigneeId")
			.isEqualTo("billing-3")
			.jsonPath("$.steps[1].ownerRole")
			.isEqualTo("BILLING");
		post(http, "/api/pathways/" + id + "/steps/" + quote + "/skip", "\"0\"", "{\"reason\": \"Paid upfront\"}")
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version");
		http.post()
			.uri("/api/pathways/{id}/steps/{step}/skip", id, quote)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\": \"Paid upfront\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(428);
		post(http, "/api/pathways/" + id + "/steps/" + quote + "/skip", "\"1\"", "{\"reason\": \"Paid upfront\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.steps[1].status")
			.isEqualTo("SKIPPED")
			.jsonPath("$.steps[1].reason")
			.isEqualTo("Paid upfront");
		post(http, "/api/pathways/" + id + "/steps/" + quote + "/skip", "\"2\"", "{\"reason\": \"again\"}")
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/invalid-transition");
		post(http, "/api/pathways/" + id + "/steps/" + preOp + "/move", "\"2\"",
				"{\"dueAt\": \"2026-03-08T10:00:00Z\"}")
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"3\"")
			.expectBody()
			.jsonPath("$.steps[2].dueAt")
			.isEqualTo("2026-03-08T10:00:00Z");
	}

	@Test
	void aStepMovedBeforeTheStepItDependsOnIsA422NamingItAndChangesNothing() {
		JsonNode pathway = openOne("dependency");
		UUID id = id(pathway);

		post(http, "/api/pathways/" + id + "/steps/" + stepId(pathway, "pre-op") + "/move", "\"0\"",
				"{\"dueAt\": \"2026-02-10T08:00:00Z\"}")
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/step-before-dependency")
			.jsonPath("$.dependsOn")
			.isEqualTo("quote")
			.jsonPath("$.dependencyDueAt")
			.isEqualTo("2026-02-13T08:00:00Z");

		assertThat(read(id).get("version").asLong()).isZero();
	}

	@Test
	void aPathwayWithOpenStepsClosesOnlyWithAReasonThenChangesNoMore() {
		JsonNode pathway = openOne("closing");
		UUID id = id(pathway);

		try (PublishedEvents events = PublishedEvents.on(PatientEvent.TOPIC)) {
			post(http, "/api/pathways/" + id + "/close", "\"0\"", "{\"outcome\": \"DECLINED\"}").expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("https://parcours.care/problems/open-steps-remain")
				.jsonPath("$.openSteps.length()")
				.isEqualTo(6);
			post(http, "/api/pathways/" + id + "/close", "\"0\"",
					"{\"outcome\": \"DECLINED\", \"reason\": \"Treated at home\"}")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo("CLOSED")
				.jsonPath("$.outcome")
				.isEqualTo("DECLINED")
				.jsonPath("$.endedAt")
				.exists();

			PublishedEvents.Received closed = events
				.await(PublishedEvents.ofType("patient.pathway.closed.v1").and(PublishedEvents.about(id.toString())));
			assertThat(closed.data().get("outcome").asString()).isEqualTo("DECLINED");
			assertThat(closed.envelope().get("pathwayId").asString()).isEqualTo(id.toString());
			assertThat(closed.envelope().get("aggregateVersion").asLong()).isOne();
		}
		post(http, "/api/pathways/" + id + "/hold", "\"1\"", "{}").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Pathway " + id + " is CLOSED; it cannot be put on hold.");
	}

	@Test
	void aPathwayIsPutOnHoldResumedAndCancelled() {
		UUID id = id(openOne("hold"));

		post(http, "/api/pathways/" + id + "/hold", "\"0\"", "{\"reason\": \"Visa pending\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("ON_HOLD");
		http.post()
			.uri("/api/pathways/{id}/resume", id)
			.header("If-Match", "\"1\"")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("OPEN");
		post(http, "/api/pathways/" + id + "/cancel", "\"2\"", "{\"reason\": \"Duplicate\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CANCELLED");
	}

	@Test
	void anAlertIsResolvedByHandWithWhoAndWhen() {
		JsonNode pathway = openOne("alerts");
		UUID id = id(pathway);
		service.raiseAlert(id, stepId(pathway, "quote"), AlertKind.QUOTE_EXPIRED,
				Instant.parse("2026-02-14T08:00:00Z"));
		JsonNode alerted = read(id);
		String alert = alerted.get("alerts").get(0).get("id").asString();

		post(http, "/api/pathways/" + id + "/alerts/" + alert + "/resolution", "\"1\"",
				"{\"resolution\": \"New quote sent\"}")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.alerts[0].resolvedBy")
			.isEqualTo("test-staff")
			.jsonPath("$.alerts[0].resolution")
			.isEqualTo("New quote sent")
			.jsonPath("$.alerts[0].resolvedAt")
			.exists();
		post(http, "/api/pathways/" + id + "/alerts/" + alert + "/resolution", "\"2\"", "{\"resolution\": \"again\"}")
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/alert-already-resolved");
	}

	@Test
	void aNewTemplateVersionLeavesOpenPathwaysAsTheyWere() {
		UUID patient = patient(http, "versions");
		UUID template = template(http, "versions");
		JsonNode before = opened(http, patient, template, SURGERY, "coordinator-1", null);
		post(http, "/api/pathway-templates/" + template + "/versions", "\"1\"", """
				{"names": %s, "steps": [{"key": "surgery", "kind": "SURGERY", "names": %s, "anchor": true,
				 "offset": "P0D", "ownerRole": "PARTNER"}]}
				""".formatted(PathwayFixtures.names("v2"), PathwayFixtures.names("surgery"))).expectStatus()
			.isCreated();

		JsonNode after = read(id(before));
		assertThat(after.get("template").get("version").asInt()).isOne();
		assertThat(after.get("steps")).hasSize(6);
		assertThat(opened(http, patient, template, SURGERY, "coordinator-1", null).get("steps")).hasSize(1);
		assertThat(open(http, """
				{"patientId": "%s", "templateId": "%s", "templateVersion": 1, "anchorAt": "%s"}
				""".formatted(patient, template, SURGERY)).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("steps")).hasSize(6);
	}

	@Test
	void aStepAddedByHandHasItsOwnAddress() {
		UUID id = id(openOne("by-hand"));

		String location = post(http, "/api/pathways/" + id + "/steps", "\"0\"", """
				{"kind": "DOCUMENT", "names": %s, "dueAt": "2026-02-20T09:00:00Z", "ownerRole": "ASSISTANT",
				 "dependsOn": ["teleconsultation"]}
				""".formatted(PathwayFixtures.names("visa letter"))).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();

		http.get()
			.uri(location)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.key")
			.isEqualTo("document")
			.jsonPath("$.addedByHand")
			.isEqualTo(true)
			.jsonPath("$.offset")
			.isEqualTo("-P17DT23H")
			.jsonPath("$.status")
			.isEqualTo("PLANNED");
	}

	@Test
	void anErasedPatientsPathwaysAreCancelledAndForgetTheirReasonsAndNoneOpensForThem() {
		UUID patient = patient(http, "erased");
		UUID template = template(http, "erased");
		JsonNode pathway = opened(http, patient, template, SURGERY, "coordinator-1", null);
		post(http, "/api/pathways/" + id(pathway) + "/steps/" + stepId(pathway, "quote") + "/skip", "\"0\"",
				"{\"reason\": \"Her sister pays\"}")
			.expectStatus()
			.isOk();
		assertThat(http.get()
			.uri("/api/patients/{id}/export", patient)
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("pathways")
			.get(0)
			.get("steps")
			.get(1)
			.get("reason")
			.asString()).isEqualTo("Her sister pays");

		http.post()
			.uri("/api/patients/{id}/erasure", patient)
			.header("If-Match", "\"0\"")
			.header("X-Access-Purpose", "patient-request")
			.exchange()
			.expectStatus()
			.isOk();

		JsonNode after = read(id(pathway));
		assertThat(after.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(after.get("statusReason").asString()).isEqualTo("PATIENT_ERASED");
		assertThat(after.get("steps").get(1).has("reason")).isFalse();
		open(http, body(patient, template)).expectStatus()
			.isEqualTo(410)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/patient-erased");
	}

	private JsonNode openOne(String tag) {
		return opened(http, patient(http, tag), template(http, tag), SURGERY, "coordinator-1", null);
	}

	private JsonNode read(UUID id) {
		return http.get()
			.uri("/api/pathways/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private static String body(UUID patient, UUID template) {
		return "{\"patientId\": \"%s\", \"templateId\": \"%s\", \"anchorAt\": \"%s\"}".formatted(patient, template,
				SURGERY);
	}

	static List<String> keys(JsonNode pathway) {
		return pathway.get("steps").valueStream().map(step -> step.get("key").asString()).toList();
	}

}
