package care.parcours.platform.openapi;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.idempotency.IdempotentRequests;
import care.parcours.platform.problem.ProblemTypes;
import care.parcours.platform.web.CorrelationIds;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * Makes every service's document say what its operations really answer, from the handlers
 * themselves rather than by hand per endpoint: every status an operation can answer (its
 * success, the errors its parameters, body, path variables, version check and security
 * make possible, and what the gateway in front of it may answer), problems as one shared
 * {@value #PROBLEM} schema in {@code application/problem+json}, success bodies in
 * {@code application/json}, the headers read and written ({@code If-Match}, {@code ETag},
 * {@code Idempotency-Key}, {@code Location}, {@code Retry-After},
 * {@code X-Correlation-Id}), paging as two bounded integers, and an example for each
 * request body and problem.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class ContractDocumentation {

	static final String PROBLEM = "Problem";

	static final String PROBLEM_FIELD = "ProblemFieldError";

	static final String PROBLEM_JSON = "application/problem+json";

	static final String JSON = "application/json";

	private static final String SCHEMAS = "#/components/schemas/";

	private static final String HEADERS = "#/components/headers/";

	private static final String RESPONSES = "#/components/responses/";

	private static final List<Integer> SHARED = List.of(400, 401, 403, 404, 409, 410, 413, 415, 422, 428, 429, 500,
			503);

	private static final Set<RequestMethod> READS = Set.of(RequestMethod.GET, RequestMethod.HEAD,
			RequestMethod.OPTIONS);

	@Bean
	OperationCustomizer contractResponses() {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageQuery.class);
		// Durations travel as ISO 8601 strings (StrictJsonConfiguration): say so, so that
		// clients and the generated examples send one.
		SpringDocUtils.getConfig()
			.replaceWithSchema(java.time.Duration.class,
					new io.swagger.v3.oas.models.media.StringSchema().format("duration").example("PT30M"));
		return (operation, handler) -> {
			describe(operation, handler);
			return operation;
		};
	}

	@Bean
	OpenApiCustomizer contractComponents() {
		return ContractDocumentation::complete;
	}

	@Bean
	RecordSchemas recordSchemas() {
		return new RecordSchemas();
	}

	static void describe(Operation operation, HandlerMethod handler) {
		MethodParameter[] parameters = handler.getMethodParameters();
		boolean body = any(parameters, (p) -> p.hasParameterAnnotation(RequestBody.class));
		boolean versioned = any(parameters, (p) -> p.getParameterType() == ExpectedVersion.class);
		boolean paged = any(parameters, (p) -> p.getParameterType() == PageQuery.class);
		boolean pathVariables = any(parameters, (p) -> p.hasParameterAnnotation(PathVariable.class));
		boolean idempotent = any(parameters, (p) -> p.hasParameterAnnotation(RequestHeader.class)
				&& IdempotentRequests.HEADER.equals(p.getParameterAnnotation(RequestHeader.class).name()));
		boolean input = body || versioned || paged || pathVariables || idempotent || any(parameters,
				(p) -> p.hasParameterAnnotation(RequestParam.class) || p.hasParameterAnnotation(RequestHeader.class));
		boolean write = !READS.contains(httpMethod(handler));
		boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();

		io.swagger.v3.oas.annotations.Operation annotated = handler
			.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
		if (operation.getSummary() != null && (annotated == null || annotated.operationId().isEmpty())) {
			operation.setOperationId(operationId(operation.getSummary()));
		}
		if (paged) {
			operation.addParametersItem(new QueryParameter().name("page")
				.description("The page, from 0.")
				.required(false)
				.schema(integer().minimum(java.math.BigDecimal.ZERO)._default(0)));
			operation.addParametersItem(new QueryParameter().name("size")
				.description("Items per page, 1 to " + PageQuery.MAX_SIZE + ".")
				.required(false)
				.schema(integer().minimum(java.math.BigDecimal.ONE)
					.maximum(java.math.BigDecimal.valueOf(PageQuery.MAX_SIZE))
					._default(PageQuery.DEFAULT_SIZE)));
		}
		if (operation.getParameters() != null) {
			operation.getParameters()
				.stream()
				.filter((p) -> IdempotentRequests.HEADER.equals(p.getName()) && p.getDescription() == null)
				.forEach((p) -> p.description("Any 8 to 128 letters, digits or . _ : - chosen by the client: "
						+ "a retried request with the same key and body is answered as the first was, "
						+ "without acting twice."));
		}

		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		operation.setResponses(responses);
		if (noContent(handler) && responses.containsKey("200") && responses.get("200").getContent() == null) {
			responses.put("204", responses.remove("200").description("No Content"));
		}
		boolean eTagged = handler.hasMethodAnnotation(ETagged.class) || versioned;
		for (Map.Entry<String, ApiResponse> entry : responses.entrySet()) {
			if (!entry.getKey().startsWith("2")) {
				continue;
			}
			ApiResponse success = entry.getValue();
			if (success.getDescription() == null || success.getDescription().isBlank()) {
				success.description(reason(entry.getKey()));
			}
			if (success.getContent() != null) {
				Content content = new Content();
				success.getContent()
					.forEach((type, media) -> content.addMediaType("*/*".equals(type) ? JSON : type, media));
				success.setContent(content.isEmpty() ? null : content);
			}
			if (entry.getKey().equals("201")) {
				success.addHeaderObject(HttpHeaders.LOCATION, ref("Location"));
			}
			if (eTagged && !entry.getKey().equals("204")) {
				success.addHeaderObject(HttpHeaders.ETAG, ref("ETag"));
			}
			if (idempotent) {
				success.addHeaderObject(IdempotentRequests.REPLAYED, ref(IdempotentRequests.REPLAYED));
			}
		}

		List<Integer> errors = new ArrayList<>();
		if (input) {
			errors.add(400);
		}
		if (!open) {
			errors.add(401);
			errors.add(403);
		}
		if (pathVariables || body) {
			// An unknown id in the path, or one the body refers to.
			errors.add(404);
		}
		if (write) {
			errors.add(409);
		}
		if (body) {
			errors.add(413);
			errors.add(415);
		}
		if (write) {
			errors.add(422);
		}
		if (versioned) {
			errors.add(428);
		}
		errors.addAll(List.of(429, 500, 503));
		for (int status : errors) {
			// The usual errors are shared answers; one an annotation describes stays
			// inline.
			responses.computeIfAbsent(Integer.toString(status),
					(code) -> new ApiResponse().$ref(RESPONSES + sharedName(status)));
		}
		for (Map.Entry<String, ApiResponse> entry : responses.entrySet()) {
			String code = entry.getKey();
			ApiResponse response = entry.getValue();
			if (response.get$ref() != null) {
				continue;
			}
			if (code.startsWith("4") || code.startsWith("5")) {
				problem(response, Integer.parseInt(code));
			}
			else {
				response.addHeaderObject(CorrelationIds.HEADER, ref(CorrelationIds.HEADER));
			}
		}
		operation.setResponses(sorted(responses));
	}

	/** Shared components, examples, and the media types springdoc leaves open. */
	static void complete(OpenAPI openApi) {
		Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
		openApi.setComponents(components);
		components.addSchemas(PROBLEM_FIELD,
				object().description("One offending field or parameter of a request.")
					.addProperty("field",
							string().description("The field's JSON path, such as specialties[0], or the "
									+ "name of the query parameter or header."))
					.addProperty("message", string().description("What is wrong with it."))
					.required(List.of("field", "message")));
		components.addSchemas(PROBLEM, object()
			.description("An RFC 9457 problem. Clients switch on type; other properties may be added, such as "
					+ "currentVersion (stale-version) or the free slots nearby (slot-taken).")
			.addProperty("type",
					string().format("uri").description("Stable, such as " + ProblemTypes.BASE + "validation-failed."))
			.addProperty("title", string().description("A short summary of the type."))
			.addProperty("status", integer().description("The HTTP status."))
			.addProperty("detail", string().description("What happened, for a person."))
			.addProperty("instance", string().format("uri-reference").description("The request's path."))
			.addProperty("correlationId", string().description("Also in the X-Correlation-Id header."))
			.addProperty("errors",
					array(new Schema<>().$ref(SCHEMAS + PROBLEM_FIELD))
						.description("For validation problems: each offending field or parameter."))
			.addProperty("currentVersion",
					integer().format("int64").description("For stale-version: the version the resource is at now."))
			.required(List.of("type", "title", "status")));
		components.addHeaders(CorrelationIds.HEADER, header("The request's correlation id: the caller's own, "
				+ "when it sent one, else a new one. Problems carry it too.", true));
		components.addHeaders("ETag", header("The resource's version as a strong entity tag, such as \"3\": send it "
				+ "back in If-Match to edit this version.", true));
		components.addHeaders("Location", header("Where the created resource lives.", true));
		components.addHeaders("Retry-After", header("Seconds to wait before trying again.", true)
			.schema(integer().minimum(java.math.BigDecimal.ZERO)));
		components.addHeaders(IdempotentRequests.REPLAYED, header(
				"true when this answer is the stored answer to an earlier request with the same " + "Idempotency-Key.",
				false));
		for (int status : SHARED) {
			ApiResponse shared = problem(new ApiResponse(), status);
			shared.getContent().get(PROBLEM_JSON).setExample(problemExample(status, "/api/example"));
			components.addResponses(sharedName(status), shared);
		}
		Map<String, Schema> schemas = components.getSchemas();
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
			String instance = path.replaceAll("\\{[^}]+}", Examples.UUID);
			if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
				Content content = new Content();
				operation.getRequestBody()
					.getContent()
					.forEach((type, media) -> content.addMediaType("*/*".equals(type) ? JSON : type, media));
				operation.getRequestBody().setContent(content);
				content.values()
					.stream()
					.filter((media) -> media.getExample() == null && media.getExamples() == null)
					.forEach((media) -> media.setExample(Examples.of(media.getSchema(), schemas)));
			}
			if (operation.getResponses() != null) {
				operation.getResponses().forEach((code, response) -> {
					if (response.getContent() == null) {
						return;
					}
					MediaType problem = response.getContent().get(PROBLEM_JSON);
					if (problem != null && problem.getExample() == null) {
						problem.setExample(problemExample(Integer.parseInt(code), instance));
					}
					MediaType any = response.getContent().remove("*/*");
					if (any != null) {
						response.getContent().addMediaType(JSON, any);
					}
				});
			}
		}));
	}

	private static ApiResponse problem(ApiResponse response, int status) {
		if (response.getDescription() == null || response.getDescription().isBlank()) {
			response.description(errorDescription(status));
		}
		response.setContent(new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref(SCHEMAS + PROBLEM))));
		if (status == 429 || status == 503) {
			response.addHeaderObject(HttpHeaders.RETRY_AFTER, ref("Retry-After"));
		}
		response.addHeaderObject(CorrelationIds.HEADER, ref(CorrelationIds.HEADER));
		return response;
	}

	/** The shared answer's name: the status's reason, such as TooManyRequests. */
	private static String sharedName(int status) {
		StringBuilder name = new StringBuilder();
		for (String word : HttpStatus.valueOf(status).name().split("_")) {
			name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
		}
		return name.toString();
	}

	private static Map<String, Object> problemExample(int status, String instance) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", ProblemTypes.forStatus(HttpStatus.valueOf(status)).toString());
		example.put("title", HttpStatus.valueOf(status).getReasonPhrase());
		example.put("status", status);
		example.put("detail", errorDescription(status));
		example.put("instance", instance);
		example.put("correlationId", "3c5e0f2a9b7d4e61");
		if (status == 400) {
			example.put("type", ProblemTypes.of(ProblemTypes.VALIDATION).toString());
			example.put("title", "Validation failed");
			example.put("errors", List.of(Map.of("field", "name", "message", "must not be blank")));
		}
		return example;
	}

	private static String errorDescription(int status) {
		return switch (status) {
			case 400 -> "The request is malformed or has invalid fields or parameters; errors names each.";
			case 401 -> "No valid bearer token: missing, expired, forged, revoked, or of an ended session.";
			case 403 -> "The token's roles or scopes do not allow this request.";
			case 404 -> "No such resource, or one of another partner.";
			case 409 -> "The request collides with the current state, such as stale-version when If-Match "
					+ "names a version that is no longer current.";
			case 410 -> "The resource existed but is gone for good.";
			case 413 -> "The body is larger than the service accepts.";
			case 415 -> "The body is not application/json.";
			case 422 -> "Well-formed, but refused by a rule of the domain.";
			case 428 -> "An edit without If-Match (or with *): send the ETag of the version you edit.";
			case 429 -> "Over the rate limit (from the gateway); wait Retry-After seconds.";
			case 500 -> "An unexpected error; nothing was changed if the request was refused.";
			case 503 ->
				"The service is unavailable (from the gateway), or busy: a change that kept colliding with concurrent ones was not made (busy); retry after Retry-After seconds.";
			default -> HttpStatus.valueOf(status).getReasonPhrase();
		};
	}

	/**
	 * A generated client's method name, from the summary: "Get a partner" becomes
	 * {@code getPartner}, where springdoc would name it {@code get_2}.
	 */
	static String operationId(String summary) {
		StringBuilder id = new StringBuilder();
		for (String word : summary.replace("'", "").split("[^A-Za-z0-9]+")) {
			String lower = word.toLowerCase(java.util.Locale.ROOT);
			if (lower.isEmpty() || (!id.isEmpty() && Set.of("a", "an", "the").contains(lower))) {
				continue;
			}
			id.append(id.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
		}
		return id.toString();
	}

	private static String reason(String code) {
		return HttpStatus.valueOf(Integer.parseInt(code)).getReasonPhrase();
	}

	private static ApiResponses sorted(ApiResponses responses) {
		ApiResponses sorted = new ApiResponses();
		new TreeMap<>(responses).forEach(sorted::addApiResponse);
		sorted.setExtensions(responses.getExtensions());
		return sorted;
	}

	/** A handler that answers {@code ResponseEntity<Void>}, which ours use for 204. */
	private static boolean noContent(HandlerMethod handler) {
		Class<?> type = handler.getMethod().getReturnType();
		Type generic = handler.getMethod().getGenericReturnType();
		return ResponseEntity.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized
				&& parameterized.getActualTypeArguments()[0] == Void.class;
	}

	private static RequestMethod httpMethod(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		return mapping == null || mapping.method().length == 0 ? RequestMethod.GET : mapping.method()[0];
	}

	private static boolean any(MethodParameter[] parameters, java.util.function.Predicate<MethodParameter> test) {
		return Arrays.stream(parameters).anyMatch(test);
	}

	private static Header ref(String name) {
		return new Header().$ref(HEADERS + name);
	}

	private static Header header(String description, boolean required) {
		return new Header().description(description).required(required).schema(string());
	}

	static Schema<Object> object() {
		return typed("object");
	}

	static Schema<Object> string() {
		return typed("string");
	}

	static Schema<Object> integer() {
		return typed("integer");
	}

	static Schema<Object> array(Schema<?> items) {
		return typed("array").items(items);
	}

	private static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>();
		schema.setType(type);
		schema.setTypes(new java.util.LinkedHashSet<>(List.of(type)));
		return schema;
	}

}
