package care.parcours.test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * How the tests check that a service refused a request as invalid: the answer the
 * platform's problem handling gives every such request, naming the field at fault.
 */
public final class InvalidRequests {

	private static final String VALIDATION_FAILED = "https://parcours.care/problems/validation-failed";

	private InvalidRequests() {
	}

	/**
	 * Checks that the answer is a 400 {@code validation-failed} problem whose first error
	 * names {@code field}; answers its body for further checks.
	 */
	public static RestTestClient.BodyContentSpec refusedNaming(RestTestClient.ResponseSpec answer, String field) {
		return answer.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(VALIDATION_FAILED)
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

}
