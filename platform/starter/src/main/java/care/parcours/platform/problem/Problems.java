package care.parcours.platform.problem;

import java.util.List;

import care.parcours.platform.web.CorrelationIds;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Builds the problem documents the handler and the error controller answer with, so both
 * read the same.
 */
final class Problems {

	private Problems() {
	}

	static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of(slug));
		return problem;
	}

	static ProblemDetail validation(List<FieldError> errors) {
		ProblemDetail problem = of(HttpStatusCode.valueOf(400), ProblemTypes.VALIDATION,
				errors.size() == 1 ? "The request has an invalid field." : "The request has invalid fields.");
		problem.setTitle("Validation failed");
		problem.setProperty("errors", errors);
		return problem;
	}

	/** Adds what every problem carries: the path it concerns and the correlation id. */
	static ProblemDetail complete(ProblemDetail problem, HttpServletRequest request) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(ProblemTypes.forStatus(HttpStatusCode.valueOf(problem.getStatus())));
		}
		if (problem.getInstance() == null) {
			problem.setInstance(java.net.URI.create(request.getRequestURI()));
		}
		problem.setProperty("correlationId", CorrelationIds.current());
		return problem;
	}

	static ResponseEntity<ProblemDetail> response(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
