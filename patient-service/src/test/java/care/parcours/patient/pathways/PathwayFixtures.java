package care.parcours.patient.pathways;

import java.util.UUID;

import care.parcours.patient.patients.PatientFixtures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Templates, patients and pathways the pathway tests make through the API, each its own.
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

}
