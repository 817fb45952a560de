package care.parcours.platform.problem;

import java.util.List;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class ConstraintProblemsTests {

	record Booking(String slot) {

	}

	record Cascade(String plan) {

	}

	private final ServletRequestAttributes request = new ServletRequestAttributes(new MockHttpServletRequest());

	private final ConstraintProblems problems = new ConstraintProblems(List.of(
			ConstraintProblem.of("slot_free", () -> new ConflictException("conflict-anyway", "Taken.")),
			ConstraintProblem.of("slot_free", Booking.class,
					booking -> new ConflictException("slot-taken", "Slot " + booking.slot() + " is taken.")),
			ConstraintProblem.of("slot_free", Cascade.class,
					cascade -> new ConflictException("cascade-conflict", "Plan " + cascade.plan() + " is stale."))));

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void theMeaningForWhatTheRequestAttemptedWinsOverTheCatchAll() {
		attempting(new Booking("09:00"));
		assertThat(problems.meaningOf(violationOf("slot_free"), request)).get()
			.extracting(DomainException::problemType, DomainException::getMessage)
			.containsExactly("slot-taken", "Slot 09:00 is taken.");

		attempting(new Cascade("p1"));
		assertThat(problems.meaningOf(violationOf("slot_free"), request)).get()
			.extracting(DomainException::problemType)
			.isEqualTo("cascade-conflict");
	}

	@Test
	void theCatchAllAnswersWhenNothingOrSomethingElseWasAttempted() {
		assertThat(problems.meaningOf(violationOf("slot_free"), request)).get()
			.extracting(DomainException::problemType)
			.isEqualTo("conflict-anyway");

		attempting("something else");
		assertThat(problems.meaningOf(violationOf("slot_free"), request)).get()
			.extracting(DomainException::problemType)
			.isEqualTo("conflict-anyway");
	}

	@Test
	void anUndeclaredConstraintOrAFailureOtherThanSqlMeansNothing() {
		attempting(new Booking("09:00"));
		assertThat(problems.meaningOf(violationOf("other_constraint"), request)).isEmpty();
		assertThat(problems.meaningOf(new IllegalStateException("slot_free"), request)).isEmpty();
	}

	@Test
	void outsideARequestAnAttemptIsNotRecorded() {
		ConstraintProblems.attempting(new Booking("09:00"));
		assertThat(RequestContextHolder.getRequestAttributes()).isNull();
	}

	private void attempting(Object attempt) {
		RequestContextHolder.setRequestAttributes(request);
		ConstraintProblems.attempting(attempt);
	}

	private static RuntimeException violationOf(String constraint) {
		PSQLException sql = new PSQLException(
				new ServerErrorMessage("SERROR\0C23P01\0Mconflicting key value\0n" + constraint + "\0"));
		return new DataIntegrityViolationException("PreparedStatementCallback", sql);
	}

}
