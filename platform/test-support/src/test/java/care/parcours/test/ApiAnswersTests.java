package care.parcours.test;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The answer validation refuses what the document does not promise. */
class ApiAnswersTests {

	private static final JsonNode DOCUMENT = JsonMapper.builder().build().readTree("""
			{
			  "openapi": "3.1.0",
			  "paths": {
			    "/api/things/{id}": {
			      "get": {
			        "responses": {
			          "200": {
			            "description": "OK",
			            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
			            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}
			          },
			          "404": {
			            "description": "Not Found",
			            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
			          }
			        }
			      }
			    },
			    "/api/things/search": {
			      "get": {"responses": {"204": {"description": "No Content"}}}
			    },
			    "/api/things/{id}/scan": {
			      "get": {
			        "responses": {
			          "200": {
			            "description": "OK",
			            "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}
			          }
			        }
			      }
			    }
			  },
			  "components": {
			    "headers": {"ETag": {"required": true, "schema": {"type": "string"}}},
			    "schemas": {
			      "Thing": {
			        "type": "object",
			        "properties": {"name": {"type": "string"}, "note": {"type": "string"}},
			        "required": ["name"]
			      },
			      "Problem": {
			        "type": "object",
			        "properties": {"type": {"type": "string"}, "status": {"type": "integer"}},
			        "required": ["type", "status"]
			      }
			    }
			  }
			}
			""");

	private final ApiAnswers answers = ApiAnswers.of("things.json", DOCUMENT);

	@Test
	void aDocumentedAnswerPasses() {
		assertThat(answers.mismatches("GET", "/api/things/42", 200, json("\"3\""), bytes("{\"name\": \"a\"}")))
			.isEmpty();
		assertThat(answers.mismatches("GET", "/api/things/42", 404, problem(),
				bytes("{\"type\": \"https://parcours.care/problems/not-found\", \"status\": 404}")))
			.isEmpty();
	}

	@Test
	void anUndocumentedStatusIsRefused() {
		assertThat(answers.mismatches("GET", "/api/things/42", 409, problem(), bytes("{}"))).singleElement()
			.asString()
			.contains("GET /api/things/{id} -> 409", "status 409 is not documented");
	}

	@Test
	void aNullInAPropertyNotDocumentedAsNullableIsRefused() {
		assertThat(answers.mismatches("GET", "/api/things/42", 200, json("\"3\""),
				bytes("{\"name\": \"a\", \"note\": null}")))
			.singleElement()
			.asString()
			.contains("GET /api/things/{id} -> 200", "/note", "null");
	}

	@Test
	void aMissingRequiredPropertyIsRefused() {
		assertThat(answers.mismatches("GET", "/api/things/42", 200, json("\"3\""), bytes("{\"note\": \"n\"}")))
			.singleElement()
			.asString()
			.contains("name");
	}

	@Test
	void aWrongMediaTypeIsRefused() {
		assertThat(answers.mismatches("GET", "/api/things/42", 404, json(null),
				bytes("{\"type\": \"t\", \"status\": 404}")))
			.singleElement()
			.asString()
			.contains("media type application/json is not documented");
	}

	@Test
	void aMissingDocumentedHeaderIsRefused() {
		assertThat(answers.mismatches("GET", "/api/things/42", 200, json(null), bytes("{\"name\": \"a\"}")))
			.singleElement()
			.asString()
			.contains("documented header ETag is missing");
	}

	@Test
	void aBodyWhereNoneIsDocumentedIsRefused() {
		assertThat(answers.mismatches("GET", "/api/things/search", 204, json(null), bytes("{}"))).singleElement()
			.asString()
			.contains("a body was sent where the document promises none");
	}

	@Test
	void literalSegmentsWinOverVariablesAndUndocumentedPathsAreNotChecked() {
		assertThat(answers.mismatches("GET", "/api/things/search", 204, new HttpHeaders(), new byte[0])).isEmpty();
		assertThat(answers.mismatches("GET", "/actuator/health", 200, new HttpHeaders(), bytes("{}"))).isEmpty();
	}

	@Test
	void aDownloadIsCheckedForItsDocumentedMediaTypeNotReadAsJson() {
		HttpHeaders pdf = new HttpHeaders();
		pdf.setContentType(MediaType.APPLICATION_PDF);
		HttpHeaders png = new HttpHeaders();
		png.setContentType(MediaType.IMAGE_PNG);

		assertThat(answers.mismatches("GET", "/api/things/42/scan", 200, pdf, bytes("%PDF-1.7 not json"))).isEmpty();
		assertThat(
				answers.mismatches("GET", "/api/things/42/scan", 200, png, new byte[] { (byte) 0x89, 'P', 'N', 'G' }))
			.singleElement()
			.asString()
			.contains("media type image/png is not documented");
	}

	@Test
	void verifyFailsTheTestNamingTheDocument() {
		assertThatThrownBy(() -> answers.verify("GET", "/api/things/42", 418, problem(), bytes("{}")))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("docs/openapi/things.json")
			.hasMessageContaining("status 418 is not documented");
	}

	private static HttpHeaders json(@Nullable String eTag) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (eTag != null) {
			headers.setETag(eTag);
		}
		return headers;
	}

	private static HttpHeaders problem() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return headers;
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

}
