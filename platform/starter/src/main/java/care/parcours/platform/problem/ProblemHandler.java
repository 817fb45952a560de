package care.parcours.platform.problem;

import java.sql.SQLException;
import java.util.List;

import care.parcours.platform.database.DatabaseUnavailable;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.DomainException;
import care.parcours.platform.domain.ForbiddenException;
import care.parcours.platform.domain.GoneException;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.web.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where exceptions become problem documents, for every controller of every
 * service. Bad input is always a 4xx naming the problem; anything unexpected is a 500
 * that says nothing about the internals and carries the correlation id to find the log
 * line. A database constraint that a service declared as a {@link ConstraintProblem}
 * answers the problem declared with it; what a request got wrong field by field is read
 * by {@link BindingErrors}. A transaction that PostgreSQL kept aborting for concurrent
 * ones, after its retries, is a 503 {@code busy}: the service is busy, not broken; a
 * database out of reach, a 503 {@code service-unavailable} with {@code Retry-After}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	/** About how long a pool takes to reconnect once the database is back. */
	static final String DATABASE_RETRY_AFTER_SECONDS = "5";

	private final ConstraintProblems constraints;

	ProblemHandler(ObjectProvider<ConstraintProblem<?>> constraints) {
		this.constraints = new ConstraintProblems(constraints.orderedStream().toList());
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Object> domain(DomainException ex, NativeWebRequest request) {
		HttpStatus status = switch (ex) {
			case NotFoundException ignored -> HttpStatus.NOT_FOUND;
			case ConflictException ignored -> HttpStatus.CONFLICT;
			case RuleViolationException ignored -> HttpStatus.UNPROCESSABLE_CONTENT;
			case InvalidRequestException ignored -> HttpStatus.BAD_REQUEST;
			case GoneException ignored -> HttpStatus.GONE;
			case ForbiddenException ignored -> HttpStatus.FORBIDDEN;
		};
		ProblemDetail problem = Problems.of(status, ex.problemType(), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		return handled(problem, new HttpHeaders(), request);
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<Object> tooLarge(PayloadTooLargeException ex, NativeWebRequest request) {
		return handled(payloadTooLarge(ex), new HttpHeaders(), request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<Object> stale(OptimisticLockingFailureException ex, NativeWebRequest request) {
		return domain(StaleVersion.concurrentEdit("The resource"), request);
	}

	/**
	 * A deadlock, a serialization failure or another lock failure that the retries of
	 * {@code @RetryOnContention} did not get past (or that met a transaction without
	 * them). Whatever the transaction wrote rolled back; the client may try again.
	 */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<Object> busy(PessimisticLockingFailureException ex, NativeWebRequest request) {
		log.warn("A transaction kept losing to concurrent ones (SQLSTATE {}); answered busy", sqlState(ex));
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "1");
		return handled(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.BUSY,
				"Too many concurrent changes of the same data to make this one now; nothing was changed. "
						+ "Try again in a moment."),
				headers, request);
	}

	/**
	 * The database is out of reach (restarting, failing over, cut off): the service
	 * cannot answer now but will again by itself, once its pool reconnects. Nothing a
	 * request without a transaction could have done; one whose commit failed may or may
	 * not have been carried out, which a retry with the same {@code Idempotency-Key}
	 * settles.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, TransactionSystemException.class,
			DataAccessResourceFailureException.class, TransientDataAccessResourceException.class })
	ResponseEntity<Object> databaseUnavailable(Exception ex, NativeWebRequest request) {
		if (!DatabaseUnavailable.causes(ex)) {
			return unexpected(ex, request);
		}
		log.warn("The database is out of reach; answered 503: {}", ex.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS);
		return handled(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
				"The service cannot reach its database right now. Try again shortly."), headers, request);
	}

	/**
	 * A violated constraint means what its service declared; else a duplicate is a plain
	 * conflict and anything else unexpected.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> violation(DataIntegrityViolationException ex, NativeWebRequest request) {
		return constraints.meaningOf(ex, request)
			.map(meaning -> domain(meaning, request))
			.orElseGet(() -> ex instanceof DuplicateKeyException
					? handled(Problems.of(HttpStatus.CONFLICT, "conflict",
							"The request conflicts with an existing resource."), new HttpHeaders(), request)
					: unexpected(ex, request));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, NativeWebRequest request) {
		log.error("Unexpected error", ex);
		return handled(
				Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
						"Something went wrong on our side. Quote the correlation id when reporting it."),
				new HttpHeaders(), request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handled(Problems.validation(BindingErrors.of(ex)), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handled(Problems.validation(BindingErrors.of(ex)), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return handled(Problems.validation(List.of(BindingErrors.of(ex))), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return handled(Problems.validation(List.of(new FieldError(ex.getParameterName(), "is required"))), headers,
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missing && status.value() == 400) {
			return handled(Problems.validation(List.of(new FieldError(missing.getHeaderName(), "is required"))),
					headers, request);
		}
		return super.handleServletRequestBindingException(ex, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
		if (cause instanceof PayloadTooLargeException tooLarge) {
			return handled(payloadTooLarge(tooLarge), headers, request);
		}
		JacksonException jackson = BindingErrors.jacksonCause(ex);
		FieldError field = BindingErrors.ofBody(jackson);
		if (field != null) {
			return handled(Problems.validation(List.of(field)), headers, request);
		}
		String detail = jackson instanceof StreamReadException ? "The request body is not well-formed JSON."
				: "The request body is missing or cannot be read.";
		return handled(Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED, detail), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail
			.forStatusAndDetail(statusCode, HttpStatus.valueOf(statusCode.value()).getReasonPhrase());
		return handled(problem, headers, request);
	}

	private ResponseEntity<Object> handled(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
		HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		if (servletRequest != null) {
			Problems.complete(problem, servletRequest);
		}
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static @Nullable String sqlState(Exception ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	private static ProblemDetail payloadTooLarge(PayloadTooLargeException ex) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
				"The request body is larger than the " + ex.limitBytes() + " bytes this endpoint accepts.");
	}

}
