package care.parcours.platform.problem;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.Things;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input gets a 4xx problem+json that names the problem, and writes
 * nothing.
 */
@ParcoursTest(classes = TestApplication.class)
class ProblemDetailsIT {

	@Autowired
	RestTestClient http;

	@Autowired
	Things things;

	@LocalServerPort
	int port;

	@AfterEach
	void nothingWasWritten() {
		assertThat(things.count()).isZero();
	}

	@Test
	void malformedJsonIsABadRequestNamingTheSyntax() {
		post("{\"name\": \"x\", ").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/malformed-request")
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.detail")
			.isEqualTo("The request body is not well-formed JSON.")
			.jsonPath("$.instance")
			.isEqualTo("/things")
			.jsonPath("$.correlationId")
			.exists();
	}

	@Test
	void missingFieldsAreListedWithWhatIsWrong() {
		post("{\"tags\": [\"ok\", \"NOT OK\"]}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/validation-failed")
			.jsonPath("$.errors.length()")
			.isEqualTo(4)
			.jsonPath("$.errors[?(@.field == 'name')].message")
			.isEqualTo("must not be blank")
			.jsonPath("$.errors[?(@.field == 'kind')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'count')]")
			.exists()
			.jsonPath("$.errors[?(@.field == 'tags[1]')]")
			.exists();
	}

	@Test
	void aWrongTypeNamesTheFieldWithoutEchoingTheValue() {
		post("{\"name\": \"x\", \"kind\": \"SMALL\", \"count\": \"Jeanne Dupont\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("count")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be whole number")
			.consumeWith(result -> assertThat(new String(result.getResponseBodyContent())).doesNotContain("Jeanne"));
	}

	@Test
	void aNumberIsNotSilentlyTakenForAText() {
		post("{\"name\": 42, \"kind\": \"SMALL\", \"count\": 1}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be string");
	}

	@Test
	void anUnknownEnumValueListsTheAcceptedOnes() {
		post("{\"name\": \"x\", \"kind\": \"HUGE\", \"count\": 1}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("kind")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be one of SMALL, LARGE");
	}

	@Test
	void anUnknownIdIsNotFoundWithTheDomainProblemType() {
		http.get()
			.uri("/things/{id}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/thing-not-found");
	}

	@Test
	void anIdThatIsNotAUuidIsABadRequest() {
		http.get()
			.uri("/things/not-a-uuid")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("'id' must be a uuid");
	}

	@Test
	void anUnsupportedMediaTypeIsA415() {
		http.post()
			.uri("/things")
			.contentType(MediaType.TEXT_PLAIN)
			.body("name=x")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/unsupported-media-type");
	}

	@Test
	void aBodyDeclaredLargerThanTheLimitIsA413() {
		post("{\"name\": \"" + "x".repeat(5000) + "\", \"kind\": \"SMALL\", \"count\": 1}").expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/payload-too-large")
			.jsonPath("$.detail")
			.isEqualTo("The request body is larger than the 4096 bytes this endpoint accepts.");
	}

	@Test
	void aChunkedBodyGrowingPastTheLimitIsA413() throws Exception {
		byte[] body = ("{\"name\": \"" + "x".repeat(5000) + "\", \"kind\": \"SMALL\", \"count\": 1}").getBytes();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things"))
			.header("Content-Type", "application/json")
			.header("Authorization", TestTokens.staff("coordinator").bearer())
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		}
	}

	@Test
	void anUnknownPathIsANotFoundProblem() {
		http.get()
			.uri("/nowhere")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aWrongMethodIsA405() {
		http.delete()
			.uri("/things")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void anUnexpectedErrorSaysNothingOfTheInternals() {
		http.get()
			.uri("/things/boom")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/internal-error")
			.consumeWith(
					result -> assertThat(new String(result.getResponseBodyContent())).doesNotContain("internal detail")
						.doesNotContain("IllegalStateException"));
	}

	@Test
	void aPageSizeOutOfRangeIsABadRequest() {
		http.get()
			.uri("/things?size=500")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("'size' must be between 1 and 100.")
			.jsonPath("$.errors[0].field")
			.isEqualTo("size");
	}

	@Test
	void aDateTimeGivenAsANumberIsRefusedNotReadAsSecondsSince1970() {
		post("{\"name\": \"x\", \"kind\": \"SMALL\", \"count\": 1, \"due\": 1700000000}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("due")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be date-time such as 2026-11-23T09:00:00Z");
	}

	@Test
	void aDateTimeGivenAsAnArrayOrWithoutAnOffsetIsRefused() {
		for (String due : new String[] { "[2026, 12, 3]", "\"2026-12-03T09:00:00\"", "1.5", "true" }) {
			post("{\"name\": \"x\", \"kind\": \"SMALL\", \"count\": 1, \"due\": " + due + "}").expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("due");
		}
	}

	@Test
	void aFractionIsNotTakenForAWholeNumber() {
		post("{\"name\": \"x\", \"kind\": \"SMALL\", \"count\": 2.5}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("count");
	}

	@Test
	void aTextLongerThanTheDefaultLimitIsRefusedNamingTheFieldWithoutEchoingIt() {
		String huge = "Jeanne".repeat(300);
		post("{\"name\": \"" + huge + "\", \"kind\": \"SMALL\", \"count\": 1}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("name")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be at most 1000 characters")
			.consumeWith(result -> assertThat(new String(result.getResponseBodyContent())).doesNotContain("Jeanne"));
	}

	@Test
	void aFieldWithItsOwnSizeKeepsItsOwnLimit() {
		String note = "n".repeat(1500);
		post("{\"name\": \"x\", \"kind\": \"SMALL\", \"count\": 1, \"note\": \"" + note + "\", \"due\": \"x\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("due");
		post("{\"name\": \"x\", \"kind\": \"SMALL\", \"count\": 1, \"note\": \"" + "n".repeat(2001) + "\"}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("note");
	}

	@Test
	void textsInsideListsOfRecordsAndTooLongListsAreRefusedByTheirPath() {
		post("{\"name\": \"x\", \"kind\": \"SMALL\", \"count\": 1, \"parts\": [{\"label\": \"a\"}, {\"label\": \""
				+ "b".repeat(1001) + "\"}]}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("parts[1].label");
		post("{\"name\": \"x\", \"kind\": \"SMALL\", \"count\": 1, \"tags\": [" + "\"a\",".repeat(500) + "\"a\"]}")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("tags")
			.jsonPath("$.errors[0].message")
			.isEqualTo("must have at most 500 items");
	}

	@Test
	void aMissingRequiredQueryParameterIsNamedInTheErrors() {
		http.get()
			.uri("/things/due")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("before")
			.jsonPath("$.errors[0].message")
			.isEqualTo("is required");
	}

	@Test
	void theCallersCorrelationIdIsReturnedAndPutInTheProblem() {
		http.get()
			.uri("/things/{id}", UUID.randomUUID())
			.header("X-Correlation-Id", "coord-42")
			.exchange()
			.expectHeader()
			.valueEquals("X-Correlation-Id", "coord-42")
			.expectBody()
			.jsonPath("$.correlationId")
			.isEqualTo("coord-42");
	}

	@Test
	void anUnacceptableCorrelationIdIsReplaced() {
		http.get()
			.uri("/things")
			.header("X-Correlation-Id", "<script>")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("X-Correlation-Id", value -> assertThat(value).isNotEqualTo("<script>").hasSize(36));
	}

	private RestTestClient.ResponseSpec post(String json) {
		return http.post().uri("/things").contentType(MediaType.APPLICATION_JSON).body(json).exchange();
	}

}
