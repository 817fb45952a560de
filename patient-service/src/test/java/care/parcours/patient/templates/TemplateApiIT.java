package care.parcours.patient.templates;

import java.util.UUID;

import care.parcours.patient.pathways.PathwayFixtures;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.pathways.PathwayFixtures.names;
import static care.parcours.patient.pathways.PathwayFixtures.step;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
class TemplateApiIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SampleTemplates samples;

	@Test
	void aTemplateIsCreatedAtVersionOneWithItsStepsAsWritten() {
		JsonNode created = create(PathwayFixtures.hipTemplate("created")).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectHeader()
			.value("Location", location -> assertThat(location).startsWith("/api/pathway-templates/"))
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(created.get("version").asInt()).isOne();
		assertThat(created.get("sample").asBoolean()).isFalse();
		assertThat(created.get("publishedBy").asString()).isEqualTo("test-staff");
		assertThat(created.get("steps").get(2).get("offset").asString()).isEqualTo("-P1D");
		assertThat(created.get("steps").get(3).get("anchor").asBoolean()).isTrue();
		assertThat(created.get("steps").get(3).get("tolerance").asString()).isEqualTo("PT12H");
		assertThat(created.get("names").get("nl").asString()).isEqualTo("Heupprothese");
	}

	@Test
	void aDependencyCycleIsA422NamingTheCycleAndWritesNothing() {
		String looping = template("cycle", step("quote", "QUOTE", "-P2D", "travel"),
				step("travel", "TRAVEL", "-P2D", "quote"), anchor("surgery"));

		create(looping).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/template-dependency-cycle")
			.jsonPath("$.detail")
			.isEqualTo("The steps' dependencies loop: quote → travel → quote.")
			.jsonPath("$.cycle")
			.isEqualTo(java.util.List.of("quote", "travel", "quote"));
		assertThat(count()).isZero();
	}

	@Test
	void aStepDueBeforeItsDependencyIsA422NamingBoth() {
		String contradicting = template("offsets", step("quote", "QUOTE", "-P10D"),
				step("teleconsultation", "TELECONSULTATION", "-P20D", "quote"), anchor("surgery"));

		create(contradicting).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/template-offset-contradiction")
			.jsonPath("$.step")
			.isEqualTo("teleconsultation")
			.jsonPath("$.dependsOn")
			.isEqualTo("quote");
	}

	@Test
	void unknownDependenciesMissingOrDoubleAnchorsAndDuplicateKeysAreEach422() {
		create(template("unknown", anchor("surgery"), step("follow-up", "FOLLOW_UP", "P7D", "physio"))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/template-unknown-dependency");
		create(template("no-anchor", step("quote", "QUOTE", "-P1D"))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/template-anchor");
		create(template("two-anchors", anchor("surgery"), anchor("stay"))).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.anchors")
			.isEqualTo(java.util.List.of("surgery", "stay"));
		create(template("twice", anchor("surgery"), step("quote", "QUOTE", "-P1D"), step("quote", "QUOTE", "-P2D")))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/template-duplicate-step");
		assertThat(count()).isZero();
	}

	@Test
	void aNameMissingInDutchOrAnOffsetThatIsNoDurationIsA400NamingTheField() {
		refusedNaming(create("""
				{"code": "no-dutch", "names": {"fr": "Prothèse", "en": "Hip"},
				 "steps": [{"key": "surgery", "kind": "SURGERY", "names": %s, "anchor": true, "offset": "P0D",
				            "ownerRole": "PARTNER"}]}
				""".formatted(names("surgery"))), "names.nl");
		refusedNaming(create(template("month", anchor("surgery"), step("follow-up", "FOLLOW_UP", "P1M", "surgery"))),
				"steps[1].offset");
		assertThat(count()).isZero();
	}

	@Test
	void aSecondTemplateWithTheSameCodeIsA409() {
		create(PathwayFixtures.hipTemplate("twice")).expectStatus().isCreated();

		create(PathwayFixtures.hipTemplate("twice")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/template-code-taken");
	}

	@Test
	void aNewVersionIsPublishedOverTheLatestAndTheOldOneStaysReadable() {
		UUID id = PathwayFixtures.template(http, "versions");
		String v2 = """
				{"names": {"fr": "Hanche v2", "en": "Hip v2", "nl": "Heup v2"}, "steps": [%s, %s]}
				""".formatted(step("pre-op", "CONSULTATION", "-P2D"), anchor("surgery"));

		publish(id, null, v2).expectStatus().isEqualTo(428);
		publish(id, "\"1\"", v2).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("ETag", "\"2\"")
			.expectHeader()
			.valueEquals("Location", "/api/pathway-templates/" + id + "/versions/2");
		publish(id, "\"1\"", v2).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version");

		http.get()
			.uri("/api/pathway-templates/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"2\"")
			.expectBody()
			.jsonPath("$.names.en")
			.isEqualTo("Hip v2")
			.jsonPath("$.steps.length()")
			.isEqualTo(2);
		http.get()
			.uri("/api/pathway-templates/{id}/versions/1", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(1)
			.jsonPath("$.steps.length()")
			.isEqualTo(6);
		http.get().uri("/api/pathway-templates/{id}/versions/3", id).exchange().expectStatus().isNotFound();
		http.get()
			.uri("/api/pathway-templates/{id}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/template-not-found");
	}

	@Test
	void templatesAreListedByCodeAPageAtATimeWithTheSamplesLabelled() {
		samples.load();
		samples.load();
		PathwayFixtures.template(http, "list-a");

		JsonNode page = http.get()
			.uri("/api/pathway-templates?size=2&page=0")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(page.get("content")).hasSize(2);
		assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("select count(*) from pathway_template where sample").query(Long.class).single())
			.isEqualTo(2);
		JsonNode all = http.get()
			.uri("/api/pathway-templates?size=100")
			.exchange()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(all.get("content")
			.valueStream()
			.filter(t -> t.get("sample").asBoolean())
			.map(t -> t.get("code").asString())).containsExactly(SampleTemplates.DIABETES, SampleTemplates.ORTHOPAEDIC);
	}

	@Autowired
	SampleTemplates.Settings settings;

	@Test
	void onlyTheLocalPlatformAsksForTheSampleTemplates() {
		assertThat(settings.sampleTemplates()).isFalse();
	}

	private RestTestClient.ResponseSpec create(String body) {
		return http.post().uri("/api/pathway-templates").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private RestTestClient.ResponseSpec publish(UUID id, String ifMatch, String body) {
		RestTestClient.RequestBodySpec request = http.post()
			.uri("/api/pathway-templates/{id}/versions", id)
			.contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return request.body(body).exchange();
	}

	private long count() {
		return jdbc
			.sql("select count(*) from pathway_template where code not like 'sample-%' and code not like 'hip-%'")
			.query(Long.class)
			.single();
	}

	private static String anchor(String key) {
		return """
				{"key": "%s", "kind": "SURGERY", "names": %s, "anchor": true, "offset": "P0D", "ownerRole": "PARTNER"}"""
			.formatted(key, names(key));
	}

	private static String template(String code, String... steps) {
		return """
				{"code": "%s", "names": %s, "steps": [%s]}""".formatted(code, names(code), String.join(", ", steps));
	}

}
