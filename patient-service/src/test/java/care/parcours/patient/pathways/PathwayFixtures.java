package care.parcours.patient.pathways;

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
 * Templates, patients and pathways the pathway tests make through the API, each its own,
 * and what the API answers about a pathway afterwards (its steps, timeline and alerts).
 */
public final class PathwayFixtures {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	/** The surgery (anchor) of every pathway the fixtures open, unless told otherwise. */
	public static final String SURGERY = "2026-03-10T08:00:00Z";

	private PathwayFixtures() {
	}

	/**
	 * Teleconsultation D-30, quote D-25, pre-op D-1, surgery D0 (anchor, tolerance 12 h),
	 * follow-ups D+7 and D+30, under a code carrying the tag.
	 */
	public static String hipTemplate(String tag) {
		return """
				{"code": "hip-%s", "names": {"fr": "Prothèse de hanche", "en": "Hip replacement", "nl": "Heupprothese"},
				 "steps": [
				  %s,
				  %s,
				  %s,
				  {"key": "surgery", "kind": "SURGERY", "names": %s, "anchor": true, "offset": "P0D",
				   "tolerance": "PT12H", "dependsOn": ["pre-op"], "ownerRole": "PARTNER",
				   "specialty": "orthopaedics", "appointmentType": "surgery"},
				  %s,
				  %s]}
				""".formatted(tag, step("teleconsultation", "TELECONSULTATION", "-P30D"),
				step("quote", "QUOTE", "-P25D", "teleconsultation"), step("pre-op", "CONSULTATION", "-P1D", "quote"),
				names("surgery"), step("follow-up-7", "FOLLOW_UP", "P7D", "surgery"),
				step("follow-up-30", "FOLLOW_UP", "P30D", "follow-up-7"));
	}

	public static String step(String key, String kind, String offset, String... dependsOn) {
		return """
				{"key": "%s", "kind": "%s", "names": %s, "offset": "%s", "dependsOn": [%s], "ownerRole": "COORDINATOR"}"""
			.formatted(key, kind, names(key), offset,
					String.join(", ", java.util.Arrays.stream(dependsOn).map(d -> "\"" + d + "\"").toList()));
	}

	public static String names(String key) {
		return "{\"fr\": \"%1$s (fr)\", \"en\": \"%1$s (en)\", \"nl\": \"%1$s (nl)\"}".formatted(key);
	}

	public static UUID template(RestTestClient http, String tag) {
		return id(http.post()
			.uri("/api/pathway-templates")
			.contentType(MediaType.APPLICATION_JSON)
			.body(hipTemplate(tag))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody());
	}

	public static UUID patient(RestTestClient http, String tag) {
		return PatientFixtures.registeredId(http, PatientFixtures.yasmine(tag));
	}

	public static RestTestClient.ResponseSpec open(RestTestClient http, String body) {
		return http.post().uri("/api/pathways").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	/** Opens a pathway and answers it as the API did. */
	public static JsonNode opened(RestTestClient http, UUID patient, UUID template, String anchor, String coordinator,
			UUID partner) {
		return open(http,
				"""
						{"patientId": "%s", "templateId": "%s", "anchorAt": "%s", "coordinatorId": "%s"%s}
						""".formatted(patient, template, anchor, coordinator,
						partner == null ? "" : ", \"partnerId\": \"" + partner + "\""))
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * A pathway opened at {@code anchorAt} for a patient and from a template of its own:
	 * the surgery anchor, a pre-operative consultation the day before (tolerance 12
	 * hours) and a follow-up a week after (a day either way). Its JSON, with its steps.
	 */
	public static JsonNode opened(RestTestClient http, Instant anchorAt) {
		return opened(http, anchorAt, null);
	}

	/** A pathway opened at {@code anchorAt} at a partner clinic, if one is named. */
	public static JsonNode opened(RestTestClient http, Instant anchorAt, @Nullable UUID partner) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		UUID patient = patient(http, tag);
		JsonNode template = created(http, "/api/pathway-templates", """
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
		return created(http, "/api/pathways", """
				{"patientId": "%s", "templateId": "%s", "anchorAt": "%s", "coordinatorId": "coordinator-%s"%s}
				""".formatted(patient, template.path("id").asString(), anchorAt, tag,
				(partner == null) ? "" : ", \"partnerId\": \"" + partner + "\""));
	}

	public static UUID id(JsonNode node) {
		return UUID.fromString(node.get("id").asString());
	}

	/** The id of a pathway's step by its key. */
	public static UUID stepId(JsonNode pathway, String key) {
		for (JsonNode step : pathway.get("steps")) {
			if (step.get("key").asString().equals(key)) {
				return UUID.fromString(step.get("id").asString());
			}
		}
		throw new AssertionError("no step " + key);
	}

	public static RestTestClient.ResponseSpec post(RestTestClient http, String uri, String ifMatch, String body) {
		return http.post()
			.uri(uri)
			.header("If-Match", ifMatch)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
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
		RestTestClient.ResponseSpec answer = http.get().uri(uri, uriVariables).exchange();
		return JSON.readTree(answer.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
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

	/** The JSON a POST is answered with, after a 201. */
	private static JsonNode created(RestTestClient http, String uri, String body) {
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
