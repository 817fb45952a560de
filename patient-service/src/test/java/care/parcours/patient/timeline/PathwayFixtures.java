package care.parcours.patient.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import care.parcours.patient.patients.PatientFixtures;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Pathways the timeline's tests open through the API, each test with a patient, a
 * template and a pathway of its own: a surgery anchor with a pre-operative consultation
 * the day before (tolerance 12 hours) and a follow-up a week after (a day either way).
 */
public final class PathwayFixtures {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private PathwayFixtures() {
	}

	/** A pathway opened at {@code anchorAt}: its JSON, with its steps. */
	public static JsonNode opened(RestTestClient http, Instant anchorAt) {
		return opened(http, anchorAt, null);
	}

	/** A pathway opened at {@code anchorAt} at a partner clinic, if one is named. */
	public static JsonNode opened(RestTestClient http, Instant anchorAt, @Nullable UUID partner) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		UUID patient = PatientFixtures.registeredId(http, PatientFixtures.yasmine(tag));
		JsonNode template = post(http, "/api/pathway-templates", """
				{"code": "hip-%s", "names": {"fr": "Prothèse de hanche", "en": "Hip replacement", "nl": "Heupprothese"},
				 "steps": [
				   {"key": "pre-op", "kind": "CONSULTATION", "offset": "-P1D", "tolerance": "PT12H",
				    "ownerRole": "COORDINATOR", "appointmentType": "pre-op",
				    "names": {"fr": "Consultation pré-opératoire", "en": "Pre-operative consultation",
				              "nl": "Preoperatieve consultatie"}},
				   {"key": "surgery", "kind": "SURGERY", "anchor": true, "offset": "P0D", "dependsOn": ["pre-op"],
				    "ownerRole": "COORDINATOR", "appointmentType": "surgery",
				    "names": {"fr": "Chirurgie", "en": "Surgery", "nl": "Operatie"}},
				   {"key": "follow-up", "kind": "FOLLOW_UP", "offset": "P7D", "tolerance": "P1D",
				    "dependsOn": ["surgery"], "ownerRole": "ASSISTANT", "appointmentType": "follow-up",
				    "names": {"fr": "Suivi", "en": "Follow-up", "nl": "Opvolging"}}]}
				""".formatted(tag));
		return post(http, "/api/pathways", """
				{"patientId": "%s", "templateId": "%s", "anchorAt": "%s", "coordinatorId": "coordinator-%s"%s}
				""".formatted(patient, template.path("id").asString(), anchorAt, tag,
				(partner == null) ? "" : ", \"partnerId\": \"" + partner + "\""));
	}

	/** The id of the pathway's step of this key. */
	public static UUID step(JsonNode pathway, String key) {
		for (JsonNode step : pathway.path("steps")) {
			if (key.equals(step.path("key").asString())) {
				return UUID.fromString(step.path("id").asString());
			}
		}
		throw new IllegalArgumentException("No step " + key + " in " + pathway);
	}

	public static UUID id(JsonNode pathway) {
		return UUID.fromString(pathway.path("id").asString());
	}

	/** The pathway as it stands. */
	public static JsonNode read(RestTestClient http, UUID pathway) {
		return got(http, "/api/pathways/{id}", pathway);
	}

	/** The pathway's timeline, oldest first (its first hundred entries). */
	public static List<JsonNode> timeline(RestTestClient http, UUID pathway) {
		JsonNode page = got(http, "/api/pathways/{id}/timeline?order=OLDEST&size=100", pathway);
		return page.path("content").valueStream().toList();
	}

	/** The JSON a GET is answered with, after a 200. */
	public static JsonNode got(RestTestClient http, String uri, Object... uriVariables) {
		return JSON.readTree(http.get()
			.uri(uri, uriVariables)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	/** What happened on the pathway, oldest first: each timeline entry's {@code what}. */
	public static List<String> whats(RestTestClient http, UUID pathway) {
		return timeline(http, pathway).stream().map(entry -> entry.path("what").asString()).toList();
	}

	/** The step of this id in the pathway's JSON. */
	public static JsonNode stepOf(JsonNode pathway, UUID step) {
		for (JsonNode candidate : pathway.path("steps")) {
			if (step.toString().equals(candidate.path("id").asString())) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("No step " + step + " in " + pathway);
	}

	/** The pathway's alerts of this kind, open or resolved. */
	public static List<JsonNode> alerts(JsonNode pathway, String kind) {
		List<JsonNode> alerts = new ArrayList<>();
		pathway.path("alerts").forEach(alert -> {
			if (kind.equals(alert.path("kind").asString())) {
				alerts.add(alert);
			}
		});
		return alerts;
	}

	private static JsonNode post(RestTestClient http, String uri, String body) {
		return JSON.readTree(http.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

}
