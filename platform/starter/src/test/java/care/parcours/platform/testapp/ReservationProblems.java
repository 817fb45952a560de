package care.parcours.platform.testapp;

import java.util.Map;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.problem.ConstraintProblem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the reservation constraints mean, declared once for every endpoint. */
@Configuration(proxyBeanMethods = false)
class ReservationProblems {

	@Bean
	ConstraintProblem<Reservations.Reservation> dayTaken(Reservations reservations) {
		return ConstraintProblem.of("thing_day_taken", Reservations.Reservation.class,
				wanted -> new ConflictException("day-taken",
						"Thing " + wanted.thingId() + " is already reserved on " + wanted.day() + ".",
						Map.of("freeDays", reservations.freeDaysAround(wanted))));
	}

	@Bean
	ConstraintProblem<Object> dayInRange() {
		return ConstraintProblem.of("thing_day_in_range",
				() -> new RuleViolationException("day-out-of-range", "Things are reserved from 2000 on."));
	}

}
