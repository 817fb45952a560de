package care.parcours.platform.problem;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import care.parcours.platform.domain.DomainException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The constraints every service declared as {@link ConstraintProblem} beans, and what the
 * current request was attempting when one of them was violated.
 */
public final class ConstraintProblems {

	private static final String ATTEMPT = ConstraintProblems.class.getName() + ".attempt";

	/** Stands for "nothing recorded", so that only catch-all meanings apply. */
	private static final Object NOTHING = new Object();

	private final List<ConstraintProblem<?>> problems;

	ConstraintProblems(List<ConstraintProblem<?>> problems) {
		// A meaning for a kind of attempt comes before a catch-all for the same
		// constraint.
		this.problems = problems.stream()
			.sorted(Comparator.comparing(problem -> problem.attempt() == Object.class))
			.toList();
	}

	/**
	 * Records what the current request is about to write, for the meaning of a constraint
	 * it may violate; the last one recorded counts. Outside a request (a consumer, a
	 * scheduled job) it does nothing: there the exception itself reaches the caller.
	 */
	public static void attempting(Object attempt) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(ATTEMPT, attempt, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/**
	 * The refusal a failure means, when it is the violation of a declared constraint
	 * during an attempt its declaration applies to.
	 */
	Optional<DomainException> meaningOf(Throwable failure, RequestAttributes request) {
		String violated = violatedConstraint(failure);
		if (violated == null) {
			return Optional.empty();
		}
		Object attempt = request.getAttribute(ATTEMPT, RequestAttributes.SCOPE_REQUEST);
		Object current = attempt == null ? NOTHING : attempt;
		return problems.stream()
			.filter(problem -> problem.appliesTo(violated, current))
			.findFirst()
			.map(problem -> problem.meaningOf(current));
	}

	/**
	 * The constraint PostgreSQL names in the first SQL failure of the chain, if any: for
	 * a service that answers one violation by trying another way rather than refusing.
	 */
	public static @Nullable String violatedConstraint(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				ServerErrorMessage server = sql instanceof PSQLException postgres ? postgres.getServerErrorMessage()
						: null;
				return server == null ? null : server.getConstraint();
			}
		}
		return null;
	}

}
