package care.parcours.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every committed OpenAPI document in {@code docs/openapi} keeps our ruleset
 * ({@link ApiDocumentLint}) and is valid OpenAPI; and what a new integrator found wrong
 * with them (issue 21) stays fixed.
 */
class CommittedDocumentsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TestFactory
	Stream<DynamicTest> everyDocumentKeepsTheRuleset() throws IOException {
		return documents().map((path) -> DynamicTest.dynamicTest(path.getFileName().toString(),
				() -> assertThat(ApiDocumentLint.violations(read(path))).as("%s breaks the ruleset", path).isEmpty()));
	}

	@TestFactory
	Stream<DynamicTest> everyDocumentIsValidOpenApi() throws IOException {
		return documents().map((path) -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
			ParseOptions options = new ParseOptions();
			options.setResolve(true);
			SwaggerParseResult result = new OpenAPIParser().readContents(Files.readString(path), null, options);
			assertThat(result.getOpenAPI()).as("%s parsed", path).isNotNull();
			assertThat(result.getMessages()).as("%s", path).isEmpty();
		}));
	}

	@TestFactory
	Stream<DynamicTest> everyServiceHasACommittedDocument() {
		return Stream
			.of("scheduling-service", "partner-service", "patient-service", "billing-service", "authorization-server")
			.map((service) -> DynamicTest.dynamicTest(service,
					() -> assertThat(ApiContract.committedDocument(service)).exists()));
	}

	@Test
	void creationsAnswer201WithLocation() {
		for (Map.Entry<String, String> creation : Map
			.of("scheduling-service", "/api/appointments", "partner-service", "/api/partners", "authorization-server",
					"/api/partner-clients")
			.entrySet()) {
			JsonNode created = operation(creation.getKey(), creation.getValue(), "post").path("responses").path("201");
			assertThat(created.path("content").has("application/json")).as(creation.getValue()).isTrue();
			assertThat(created.path("headers").has("Location")).as(creation.getValue()).isTrue();
			assertThat(operation(creation.getKey(), creation.getValue(), "post").path("responses").has("200"))
				.isFalse();
		}
	}

	@Test
	void editsDocumentARequiredIfMatchHeaderAndNoExpectedVersionObject() {
		JsonNode revise = operation("partner-service", "/api/partners/{id}", "put");
		JsonNode ifMatch = parameter(revise, "If-Match");
		assertThat(ifMatch.path("in").asString()).isEqualTo("header");
		assertThat(ifMatch.path("required").asBoolean()).isTrue();
		assertThat(revise.path("responses").has("428")).isTrue();
		assertThat(revise.path("responses").path("200").path("headers").has("ETag")).isTrue();
		for (Path path : documentList()) {
			String text = read(path).toString();
			assertThat(text).as("%s", path).doesNotContain("ExpectedVersion").doesNotContain("PageQuery");
		}
	}

	@Test
	void pagesArePlainBoundedOptionalIntegers() {
		JsonNode list = operation("partner-service", "/api/partners", "get");
		JsonNode page = parameter(list, "page");
		JsonNode size = parameter(list, "size");
		assertThat(page.path("required").asBoolean(false)).isFalse();
		assertThat(page.path("schema").path("type").asString()).isEqualTo("integer");
		assertThat(page.path("schema").path("minimum").asInt()).isZero();
		assertThat(page.path("schema").path("default").asInt()).isZero();
		assertThat(size.path("required").asBoolean(false)).isFalse();
		assertThat(size.path("schema").path("minimum").asInt()).isEqualTo(1);
		assertThat(size.path("schema").path("maximum").asInt()).isEqualTo(100);
		assertThat(size.path("schema").path("default").asInt()).isEqualTo(20);
	}

	@Test
	void aPropertyAnswersMayOmitIsNotRequired() {
		JsonNode schemas = read(ApiContract.committedDocument("scheduling-service")).path("components").path("schemas");
		List<String> required = new ArrayList<>();
		schemas.path("BookingView").path("required").forEach((name) -> required.add(name.asString()));
		assertThat(required).contains("id", "start").doesNotContain("cancelReason");
	}

	@Test
	void theTwoRuleFormsNoLongerCollide() {
		JsonNode document = read(ApiContract.committedDocument("scheduling-service"));
		JsonNode chainForm = document.at("/components/schemas/ChainForm/properties/rules/items");
		assertThat(chainForm.path("$ref").asString()).isEqualTo("#/components/schemas/ChainRuleForm");
		assertThat(document.at("/components/schemas/ChainRuleForm/properties").propertyNames())
			.containsExactlyInAnyOrder("from", "to", "offset", "tolerance");
		assertThat(document.at("/components/schemas/RuleForm/properties").propertyNames()).contains("day", "start",
				"end");
	}

	@Test
	void everyDocumentNamesServersContactAndDeclaredTags() {
		for (Path path : documentList()) {
			JsonNode document = read(path);
			assertThat(document.path("servers").path(0).path("url").asString()).as("%s", path)
				.isEqualTo("http://localhost:8080");
			assertThat(document.path("info").path("contact").path("email").asString()).as("%s", path).isNotBlank();
			assertThat(document.path("tags")).as("%s", path).isNotEmpty();
		}
	}

	private static JsonNode operation(String service, String path, String method) {
		JsonNode operation = read(ApiContract.committedDocument(service)).path("paths").path(path).path(method);
		assertThat(operation.isMissingNode()).as("%s %s in %s", method, path, service).isFalse();
		return operation;
	}

	private static JsonNode parameter(JsonNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters")) {
			if (name.equals(parameter.path("name").asString())) {
				return parameter;
			}
		}
		throw new AssertionError("no parameter " + name + " in " + operation.path("operationId").asString());
	}

	private static Stream<Path> documents() throws IOException {
		return documentList().stream();
	}

	private static List<Path> documentList() {
		try (Stream<Path> files = Files.list(ApiContract.repositoryRoot().resolve("docs/openapi"))) {
			List<Path> documents = files.filter((path) -> path.toString().endsWith(".json")).sorted().toList();
			assertThat(documents).isNotEmpty();
			return documents;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static JsonNode read(Path path) {
		try {
			return JSON.readTree(Files.readString(path));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
