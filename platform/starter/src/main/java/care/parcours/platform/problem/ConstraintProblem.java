package care.parcours.platform.problem;

import java.util.function.Function;
import java.util.function.Supplier;

import care.parcours.platform.domain.DomainException;

/**
 * What the violation of one database constraint means to a client, declared once as a
 * bean by the service that owns the constraint; {@link ProblemHandler} answers it for
 * every controller, so none needs a wrapper of its own.
 * <p>
 * The meaning may depend on what the request was attempting (see
 * {@link ConstraintProblems#attempting(Object)}): the same overlap constraint is a taken
 * slot for a booking and a stale plan for a cascade. It is computed after the failed
 * transaction rolled back, so it may read the database, say for the free slots nearby.
 *
 * @param constraint the constraint's name, as the database reports it
 * @param attempt the kind of attempt this meaning applies to; {@code Object} for any
 * @param meaning the refusal to answer, built from the attempt
 * @param <A> the attempt's type
 */
public record ConstraintProblem<A>(String constraint, Class<A> attempt,
		Function<? super A, ? extends DomainException> meaning) {

	/** A constraint whose violation means the same whatever was attempted. */
	public static ConstraintProblem<Object> of(String constraint, Supplier<? extends DomainException> meaning) {
		return new ConstraintProblem<>(constraint, Object.class, attempt -> meaning.get());
	}

	/** A constraint whose violation, during an attempt of this kind, means this. */
	public static <A> ConstraintProblem<A> of(String constraint, Class<A> attempt,
			Function<? super A, ? extends DomainException> meaning) {
		return new ConstraintProblem<>(constraint, attempt, meaning);
	}

	boolean appliesTo(String violated, Object current) {
		return constraint.equals(violated) && attempt.isInstance(current);
	}

	DomainException meaningOf(Object current) {
		return meaning.apply(attempt.cast(current));
	}

}
