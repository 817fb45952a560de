package care.parcours.platform.problem;

import java.net.ConnectException;
import java.sql.SQLException;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemErrorControllerTests {

	private final ProblemErrorController errors = new ProblemErrorController();

	@Test
	void aFilterThatCouldNotReachTheDatabaseIsAnsweredServiceUnavailableWithRetryAfter() {
		MockHttpServletRequest request = failed(new DataAccessResourceFailureException(
				"PreparedStatementCallback; An I/O error occurred while sending to the backend.",
				new SQLException("An I/O error occurred while sending to the backend.", "08006")));

		ResponseEntity<ProblemDetail> answer = errors.error(request);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(answer.getBody().getType().toString()).endsWith("/service-unavailable");
		assertThat(answer.getBody().getDetail()).doesNotContain("backend").doesNotContain("PreparedStatement");
	}

	@Test
	void anyOtherFailureOfAFilterStaysAnInternalError() {
		MockHttpServletRequest request = failed(new IllegalStateException("a bug", new ConnectException("not ours")));

		ResponseEntity<ProblemDetail> answer = errors.error(request);

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
	}

	private static MockHttpServletRequest failed(Throwable failure) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/practitioners");
		return request;
	}

}
