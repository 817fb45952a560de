package care.parcours.platform.problem;

import care.parcours.platform.database.DatabaseUnavailable;
import care.parcours.platform.web.PayloadTooLargeException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the container's error path with problem+json too, so that errors raised outside
 * Spring MVC (filters, the servlet container) read like every other error. Replaces
 * Boot's {@code BasicErrorController}, which does not honour problem details
 * (spring-boot#48392).
 */
// Not an endpoint of the API: where the container forwards errors.
@Hidden
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
				? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
		Object tooLargeAttribute = request.getAttribute(PayloadTooLargeException.class.getName());
		Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		HttpHeaders headers = new HttpHeaders();
		ProblemDetail problem;
		if (exception instanceof Throwable failure && DatabaseUnavailable.causes(failure)) {
			// A filter that reads the database (the revoked clients' list behind every
			// token) while it is out of reach: the same answer as a controller would get.
			log.warn("The database is out of reach; answered 503: {}", failure.getMessage());
			headers.set(HttpHeaders.RETRY_AFTER, ProblemHandler.DATABASE_RETRY_AFTER_SECONDS);
			problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
					"The service cannot reach its database right now. Try again shortly.");
		}
		else if (tooLargeAttribute instanceof PayloadTooLargeException tooLarge) {
			problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
					"The request body is larger than the " + tooLarge.limitBytes() + " bytes this endpoint accepts.");
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(status,
					status.is5xxServerError()
							? "Something went wrong on our side. Quote the correlation id when reporting it."
							: status.getReasonPhrase());
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			problem.setInstance(java.net.URI.create(path));
		}
		return Problems.response(Problems.complete(problem, request), headers);
	}

}
