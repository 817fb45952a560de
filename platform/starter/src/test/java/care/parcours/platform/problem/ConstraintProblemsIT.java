package care.parcours.platform.problem;

import java.time.LocalDate;
import java.util.UUID;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.Things;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A constraint the service declared once answers its problem from any controller, with no
 * wrapper; an undeclared one answers as before. The constraints and their problems are
 * the sample feature's ({@code testapp.reservation}).
 */
@ParcoursTest(classes = TestApplication.class)
class ConstraintProblemsIT {

	private static final LocalDate DAY = LocalDate.of(2026, 12, 10);

	@Autowired
	RestTestClient http;

	@Autowired
	Things things;

	@Test
	void aDeclaredConstraintAnswersItsProblemWithFieldsReadAfterTheRollback() {
		UUID thing = things.create(UUID.randomUUID(), "drill", "SMALL").id();
		reserve(thing, DAY).expectStatus().isCreated();
		reserve(thing, DAY.minusDays(1)).expectStatus().isCreated();

		reserve(thing, DAY).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/day-taken")
			.jsonPath("$.detail")
			.isEqualTo("Thing " + thing + " is already reserved on " + DAY + ".")
			.jsonPath("$.freeDays[0]")
			.isEqualTo(DAY.plusDays(1).toString())
			.jsonPath("$.freeDays[1]")
			.isEqualTo(DAY.minusDays(2).toString())
			.jsonPath("$.instance")
			.isEqualTo("/reservations")
			.jsonPath("$.correlationId")
			.isNotEmpty();
	}

	@Test
	void aConstraintDeclaredForAnyAttemptAnswersItsProblem() {
		UUID thing = things.create(UUID.randomUUID(), "saw", "SMALL").id();

		reserve(thing, LocalDate.of(1999, 12, 31)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/day-out-of-range");
	}

	@Test
	void anUndeclaredConstraintKeepsTheDefaultAnswer() {
		reserve(UUID.randomUUID(), DAY).expectStatus()
			.isEqualTo(500)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/internal-error");
	}

	private RestTestClient.ResponseSpec reserve(UUID thing, LocalDate day) {
		return http.post()
			.uri("/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"thingId\": \"" + thing + "\", \"day\": \"" + day + "\"}")
			.exchange();
	}

}
