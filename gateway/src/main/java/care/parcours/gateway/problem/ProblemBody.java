package care.parcours.gateway.problem;

import java.net.URI;

/**
 * The RFC 9457 document, plus the correlation id so that a client can quote it. Written
 * as a record rather than Spring's {@code ProblemDetail} to fix the members and their
 * order.
 *
 * @param type stable problem type URI
 * @param title the status' reason phrase
 * @param status the HTTP status
 * @param detail a sentence for people
 * @param instance the request path, without its query, which may carry personal data
 * @param correlationId the id of the request
 */
record ProblemBody(URI type, String title, int status, String detail, String instance, String correlationId) {

	static ProblemBody of(GatewayProblem problem, String instance, String correlationId) {
		return new ProblemBody(problem.type(), problem.title(), problem.status().value(), problem.detail(), instance,
				correlationId);
	}

}
