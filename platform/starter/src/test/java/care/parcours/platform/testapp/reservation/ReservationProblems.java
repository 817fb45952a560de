package care.parcours.platform.testapp.reservation;

import java.util.Map;

import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.problem.ConstraintProblem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the reservation table's constraints mean to a client, declared once for every
 * endpoint: no controller or service catches a database exception.
 */
@Configuration(proxyBeanMethods = false)
class ReservationProblems {

	@Bean
	ConstraintProblem<Reservation> dayTaken(Reservations reservations) {
		return ConstraintProblem.of("reservation_day_taken", Reservation.class,
				wanted -> new ConflictException("day-taken",
						"Thing " + wanted.thingId() + " is already reserved on " + wanted.day() + ".",
						Map.of("freeDays",
								reservations.freeDaysAround(wanted.thingId(), wanted.day())
									.stream()
									.map(String::valueOf)
									.toList())));
	}

	@Bean
	ConstraintProblem<Object> dayInRange() {
		return ConstraintProblem.of("reservation_day_in_range",
				() -> new RuleViolationException("day-out-of-range", "Things are reserved from 2000 on."));
	}

}
