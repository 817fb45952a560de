package care.parcours.platform.web;

import java.util.UUID;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.Things;
import care.parcours.test.ParcoursTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edit names the version it was made on in {@code If-Match}, one strong entity tag as
 * the {@code ETag} said; without one it is refused, and on a stale one it writes nothing.
 */
@ParcoursTest(classes = TestApplication.class)
class IfMatchIT {

	@Autowired
	RestTestClient http;

	@Autowired
	Things things;

	@Test
	void anEditOnTheCurrentVersionAnswersTheNextVersionInItsETag() {
		UUID id = things.create(UUID.randomUUID(), "before", "SMALL").id();
		http.get().uri("/things/{id}", id).exchange().expectHeader().valueEquals("ETag", "\"0\"");

		rename(id, "\"0\"", "after").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("after");

		assertThat(things.get(id).version()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			no If-Match  |                       | 428 | precondition-required
			any version  | *                     | 428 | precondition-required
			weak tag     | W/"0"                 | 400 | validation-failed
			unquoted     | 0                     | 400 | validation-failed
			not a number | "abc"                 | 400 | validation-failed
			negative     | "-1"                  | 400 | validation-failed
			two tags     | "0", "1"              | 400 | validation-failed
			too long     | "1234567890123456789" | 400 | validation-failed
			""")
	void anEditNamingNoSingleVersionIsRefusedAndWritesNothing(String caseName, @Nullable String ifMatch, int status,
			String type) {
		UUID id = things.create(UUID.randomUUID(), "intact", "SMALL").id();

		rename(id, ifMatch, "changed").expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/" + type);

		assertThat(things.get(id).version()).isZero();
	}

	@Test
	void aBadTagIsReportedAsAnInvalidIfMatchField() {
		UUID id = things.create(UUID.randomUUID(), "intact", "SMALL").id();

		rename(id, "W/\"0\"", "changed").expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("If-Match")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be the ETag of the version you edit, such as \"3\"");
	}

	@Test
	void anEditOnAStaleVersionIsAConflictNamingTheCurrentVersion() {
		UUID id = things.create(UUID.randomUUID(), "disputed", "SMALL").id();
		rename(id, "\"0\"", "first edit").expectStatus().isOk();

		rename(id, "\"0\"", "second edit").expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version")
			.jsonPath("$.currentVersion")
			.isEqualTo(1);

		assertThat(things.get(id).name()).isEqualTo("first edit");
	}

	private RestTestClient.ResponseSpec rename(UUID id, @Nullable String ifMatch, String name) {
		RestTestClient.RequestBodySpec request = http.put()
			.uri("/things/{id}/name", id)
			.contentType(MediaType.APPLICATION_JSON);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return request.body("{\"name\": \"" + name + "\"}").exchange();
	}

}
