package care.parcours.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Validates every answer a test receives through its {@code RestTestClient} against the
 * service's committed document {@code docs/openapi/<spring.application.name>.json}, so a
 * document can no longer drift from what the service answers. Applications without a
 * committed document (the starter's own test applications) are not checked.
 */
final class ApiAnswerValidation implements ClientHttpRequestInterceptor {

	private final Environment environment;

	private volatile @Nullable ApiAnswers live;

	ApiAnswerValidation(Environment environment) {
		this.environment = environment;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		ClientHttpResponse response = execution.execute(request, body);
		ApiAnswers current = answers(request);
		if (current == null) {
			return response;
		}
		byte[] bytes;
		try (InputStream in = response.getBody()) {
			bytes = in.readAllBytes();
		}
		Buffered buffered = new Buffered(response, bytes);
		current.verify(request.getMethod().name(), request.getURI().getRawPath(), response.getStatusCode().value(),
				response.getHeaders(), bytes);
		return buffered;
	}

	private @Nullable ApiAnswers answers(HttpRequest request) {
		String application = environment.getProperty("spring.application.name");
		if (application == null) {
			return null;
		}
		if (!ApiContract.updating()) {
			return ApiAnswers.committed(application);
		}
		// Regenerating: the committed document is about to be replaced by the running
		// service's, so answers are checked against that one.
		if (live == null && Files.exists(ApiContract.committedDocument(application))) {
			live = ApiAnswers.of(application + ".json (as served)",
					ApiContract.of(request.getURI().getPort()).document());
		}
		return live;
	}

	private record Buffered(ClientHttpResponse response, byte[] bytes) implements ClientHttpResponse {

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return response.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return response.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return response.getHeaders();
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(bytes);
		}

		@Override
		public void close() {
			response.close();
		}

	}

}
