package care.parcours.gateway;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What every problem the gateway writes must look like, whatever went wrong. */
final class ProblemExpectations {

	private ProblemExpectations() {
	}

	/**
	 * Asserts an RFC 9457 body of the given type and status for the given path, carrying
	 * the correlation id returned in the header and nothing that betrays the internals.
	 * @return the exchange, for further checks
	 */
	static EntityExchangeResult<String> expectProblem(WebTestClient.ResponseSpec response, int status, String slug,
			String instance) {
		return expectProblem(response.expectBody(String.class).returnResult(), status, slug, instance);
	}

	/** The same, on an answer already received. */
	static EntityExchangeResult<String> expectProblem(EntityExchangeResult<String> result, int status, String slug,
			String instance) {
		assertThat(result.getStatus().value()).as("status").isEqualTo(status);
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		String body = result.getResponseBody();
		assertThat(body).isNotNull();
		DocumentContext json = JsonPath.parse(body);
		assertThat(json.read("$.type", String.class)).isEqualTo("https://parcours.care/problems/" + slug);
		assertThat(json.read("$.status", Integer.class)).isEqualTo(status);
		assertThat(json.read("$.title", String.class)).isNotBlank();
		assertThat(json.read("$.detail", String.class)).isNotBlank();
		assertThat(json.read("$.instance", String.class)).isEqualTo(instance);
		assertThat(json.read("$.correlationId", String.class)).isNotBlank()
			.isEqualTo(result.getResponseHeaders().getFirst("X-Correlation-Id"));
		assertThat(body).doesNotContain("127.0.0.1", "localhost", "Exception", "\tat ", "stackTrace", "http://");
		return result;
	}

}
