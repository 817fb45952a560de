package care.parcours.test;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint names each rule a document breaks. */
class ApiDocumentLintTests {

	@Test
	void aDocumentAsTheyWereBreaksEveryRule() {
		var document = JsonMapper.builder()
			.build()
			.readTree(
					"""
							{
							  "openapi": "3.1.0",
							  "info": {"title": "t", "version": "v1"},
							  "paths": {
							    "/api/things": {
							      "post": {
							        "operationId": "register",
							        "tags": ["thing-controller"],
							        "requestBody": {"content": {"application/json": {
							          "schema": {"$ref": "#/components/schemas/RuleForm"}}}},
							        "responses": {"200": {"description": "OK",
							          "content": {"*/*": {"schema": {"$ref": "#/components/schemas/Missing"}}}}}
							      }
							    }
							  },
							  "components": {"schemas": {
							    "RuleForm": {"type": "object", "properties": {
							      "name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string", "maxLength": 3}}}},
							    "ruleform": {"type": "object"}
							  }}
							}
							""");

		assertThat(ApiDocumentLint.violations(document)).containsExactlyInAnyOrder("no servers", "no info.contact",
				"no info.description", "schema names RuleForm and ruleform differ only by case",
				"POST /api/things: no summary", "POST /api/things: no description",
				"POST /api/things: tag thing-controller is not declared", "POST /api/things: no 4xx response",
				"POST /api/things: request body application/json has no example",
				"POST /api/things request body RuleForm.name: a string without maxLength",
				"POST /api/things request body RuleForm.tags: an array without maxItems",
				"unresolvable $ref #/components/schemas/Missing at /paths//api/things/post/responses/200/content/*/*/schema",
				"media type */* at /paths//api/things/post/responses/200");
	}

	@Test
	void anErrorAnsweredAsAnythingButAProblemIsRefused() {
		var document = JsonMapper.builder()
			.build()
			.readTree(
					"""
							{"paths": {"/x": {"get": {"responses": {
							  "404": {"description": "Not Found", "content": {"application/json": {"schema": {"type": "object"}}}}}}}}}
							""");

		assertThat(ApiDocumentLint.violations(document))
			.contains("GET /x 404: not application/problem+json with the Problem schema");
	}

}
