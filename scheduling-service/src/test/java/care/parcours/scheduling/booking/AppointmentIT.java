package care.parcours.scheduling.booking;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import care.parcours.test.WithMutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

@ParcoursTest
@WithMutableClock
class AppointmentIT extends SurgeonAndPatient {

	@Test
	void aBookedAppointmentIsAnnouncedWithIdsAndTimesOnly() {
		Instant start = weekdayAt(surgeon, 3, "09:30");
		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			UUID id = fixtures.book(surgeon, patient, start, "consultation", "IN_PERSON");

			PublishedEvents.Received booked = events.await(PublishedEvents.about(id.toString()));
			assertThat(booked.type()).isEqualTo("scheduling.appointment.booked.v1");
			assertThat(booked.data().path("partnerId").asString()).isEqualTo(surgeon.partnerId().toString());
			assertThat(booked.data().path("start").asString()).isEqualTo(start.toString());
			assertThat(booked.data().path("end").asString()).isEqualTo(start.plus(Duration.ofMinutes(30)).toString());
		}
	}

	@Test
	void aTakenSlotIsAConflictThatOffersTheFreeSlotsNearby() {
		Instant start = weekdayAt(surgeon, 3, "10:00");
		fixtures.book(surgeon, patient, start, "consultation", "IN_PERSON");

		book(fixtures.patient(), start, "consultation", "IN_PERSON").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/slot-taken")
			.jsonPath("$.nearby.length()")
			.isEqualTo(3)
			.jsonPath("$.nearby[0].start")
			.value(first -> assertThat(Instant.parse((String) first)).isNotEqualTo(start));
	}

	@Test
	void aSlotOverlappingAnotherBookingIsTakenToo() {
		fixtures.book(surgeon, patient, weekdayAt(surgeon, 3, "10:00"), "surgery", "IN_PERSON");

		book(fixtures.patient(), weekdayAt(surgeon, 3, "11:30"), "consultation", "IN_PERSON").expectStatus()
			.isEqualTo(409);
	}

	@Test
	void aPatientCannotBeInTwoPlacesAtOnce() {
		Practitioner other = fixtures.practitioner();
		fixtures.weekdays(other, "09:00", "12:00");
		Instant start = weekdayAt(surgeon, 3, "09:00");
		fixtures.book(surgeon, patient, start, "consultation", "IN_PERSON");

		http.post()
			.uri("/api/appointments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(form(other.id(), patient, start.plus(Duration.ofMinutes(15)), "consultation", "IN_PERSON"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/patient-double-booked");
	}

	@Test
	void badRequestsAreRefusedSayingWhyAndBookNothing() {
		long before = appointments();
		Instant morning = weekdayAt(surgeon, 3, "09:00");

		expectProblem(book(patient, clock.instant().minus(Duration.ofHours(1)), "consultation", "IN_PERSON"), 422,
				"time-in-past");
		expectProblem(book(patient, weekdayAt(surgeon, 3, "14:00"), "consultation", "IN_PERSON"), 422,
				"outside-availability")
			.jsonPath("$.nearby.length()")
			.isEqualTo(3);
		expectProblem(book(patient, morning, "dentistry", "IN_PERSON"), 422, "appointment-type-not-offered");
		expectProblem(book(patient, morning, "surgery", "TELECONSULTATION"), 422, "mode-not-offered");
		expectProblem(book(UUID.randomUUID(), morning, "consultation", "IN_PERSON"), 422, "unknown-patient");
		expectProblem(http.post()
			.uri("/api/appointments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(form(UUID.randomUUID(), patient, morning, "consultation", "IN_PERSON"))
			.exchange(), 404, "schedule-not-found");
		expectProblem(http.post()
			.uri("/api/appointments")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"practitionerId\": \"" + surgeon.id() + "\", \"start\": \"tomorrow\"}")
			.exchange(), 400, "validation-failed");
		expectProblem(book(patient, morning, "consultation", "BY_PIGEON"), 400, "validation-failed");

		assertThat(appointments()).isEqualTo(before);
	}

	@Test
	void aCancelledAppointmentFreesItsSlot() {
		Instant start = weekdayAt(surgeon, 4, "11:00");
		UUID id = fixtures.book(surgeon, patient, start, "consultation", "IN_PERSON");

		http.post()
			.uri("/api/appointments/{id}/cancel", id)
			.header("If-Match", current(id))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\": \"TRAVEL_DISRUPTION\", \"note\": \"Flight from Casablanca cancelled\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("CANCELLED")
			.jsonPath("$.cancelReason")
			.isEqualTo("TRAVEL_DISRUPTION");

		fixtures.book(surgeon, fixtures.patient(), start, "consultation", "IN_PERSON");
	}

	@Test
	void reschedulingTakesTheNewTimeBeforeGivingUpTheOld() {
		Instant first = weekdayAt(surgeon, 3, "09:00");
		Instant taken = weekdayAt(surgeon, 3, "10:00");
		Instant free = weekdayAt(surgeon, 3, "11:00");
		UUID id = fixtures.book(surgeon, patient, first, "consultation", "IN_PERSON");
		fixtures.book(surgeon, fixtures.patient(), taken, "consultation", "IN_PERSON");

		reschedule(id, taken).expectStatus().isEqualTo(409);
		http.get()
			.uri("/api/appointments/{id}", id)
			.exchange()
			.expectBody()
			.jsonPath("$.start")
			.isEqualTo(first.toString());

		reschedule(id, free).expectStatus().isOk().expectBody().jsonPath("$.start").isEqualTo(free.toString());
		fixtures.book(surgeon, fixtures.patient(), first, "consultation", "IN_PERSON");
	}

	@Test
	void aStaleVersionIsRefused() {
		UUID id = fixtures.book(surgeon, patient, weekdayAt(surgeon, 5, "09:00"), "consultation", "IN_PERSON");
		reschedule(id, weekdayAt(surgeon, 5, "10:00")).expectStatus().isOk();

		http.post()
			.uri("/api/appointments/{id}/cancel", id)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\": \"OTHER\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version")
			.jsonPath("$.currentVersion")
			.isEqualTo(1);
	}

	@Test
	void aChangeWithoutIfMatchIsRefusedAsPreconditionRequiredAndChangesNothing() {
		UUID id = fixtures.book(surgeon, patient, weekdayAt(surgeon, 5, "11:00"), "consultation", "IN_PERSON");

		expectProblem(http.post()
			.uri("/api/appointments/{id}/cancel", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\": \"OTHER\"}")
			.exchange(), 428, "precondition-required");

		http.get().uri("/api/appointments/{id}", id).exchange().expectBody().jsonPath("$.status").isEqualTo("BOOKED");
	}

	@Test
	void aRetriedBookingWithItsIdempotencyKeyBooksOnce() {
		Instant start = weekdayAt(surgeon, 6, "09:00");
		String key = "booking-" + UUID.randomUUID();
		for (int attempt = 0; attempt < 3; attempt++) {
			http.post()
				.uri("/api/appointments")
				.header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.body(form(surgeon.id(), patient, start, "consultation", "IN_PERSON"))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		assertThat(jdbc.sql("select count(*) from booking where patient_id = ? and lower(during) = ?")
			.params(patient, java.sql.Timestamp.from(start))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anAppointmentIsCheckedInCompletedOrMissedOnceItsTimeComes() {
		Instant start = weekdayAt(surgeon, 2, "09:00");
		UUID attended = fixtures.book(surgeon, patient, start, "consultation", "IN_PERSON");
		UUID missed = fixtures.book(surgeon, fixtures.patient(), start.plus(Duration.ofMinutes(30)), "consultation",
				"IN_PERSON");
		clock.advance(Duration.between(clock.instant(), start.minus(Duration.ofMinutes(10))));

		command(attended, "check-in").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CHECKED_IN");
		command(missed, "no-show").expectStatus().isEqualTo(422);
		clock.advance(Duration.ofMinutes(45));
		command(attended, "complete").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
		command(missed, "no-show").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("NO_SHOW");
	}

	@Test
	void aTeleconsultationHasAnUnguessableJoinLinkThatExpiresAfterIt() {
		Instant start = weekdayAt(surgeon, 2, "11:00");
		Map<?, ?> appointment = book(patient, start, "consultation", "TELECONSULTATION").expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String joinUrl = (String) ((Map<?, ?>) appointment.get("teleconsultation")).get("joinUrl");
		String token = joinUrl.substring(joinUrl.lastIndexOf('/') + 1);
		assertThat(token).hasSizeGreaterThanOrEqualTo(43);

		http.get().uri("/api/appointments/join/{token}", token).exchange().expectStatus().isOk();
		http.get()
			.uri("/api/appointments/join/{token}", "guess" + token.substring(5))
			.exchange()
			.expectStatus()
			.isNotFound();
		clock.advance(Duration.between(clock.instant(), start.plus(Duration.ofMinutes(61))));
		http.get()
			.uri("/api/appointments/join/{token}", token)
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/join-link-expired");
	}

	@Test
	void inPersonAppointmentsHaveNoJoinLink() {
		book(patient, weekdayAt(surgeon, 3, "11:30"), "consultation", "IN_PERSON").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.teleconsultation")
			.doesNotExist();
	}

	@Test
	void appointmentsAreListedByPatientInTimeOrder() {
		UUID later = fixtures.book(surgeon, patient, weekdayAt(surgeon, 8, "09:00"), "consultation", "IN_PERSON");
		UUID sooner = fixtures.book(surgeon, patient, weekdayAt(surgeon, 7, "09:00"), "consultation", "IN_PERSON");

		http.get()
			.uri("/api/appointments?patientId={patient}", patient)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[0].id")
			.isEqualTo(sooner.toString())
			.jsonPath("$.content[1].id")
			.isEqualTo(later.toString())
			.jsonPath("$.page.totalElements")
			.isEqualTo(2);
	}

	@Test
	void aListFromPastTheYearsKeptIsRefusedNamingFrom() {
		refusedNaming(http.get()
			.uri(URI.create("/api/appointments?patientId=" + patient + "&from=%2B1000000000-12-31T00:00:00Z"))
			.exchange(), "from");
	}

	@Test
	void aStartGivenAsANumberIsRefusedNotReadAsSecondsSince1970() {
		String form = form(surgeon.id(), patient, weekdayAt(surgeon, 3, "09:00"), "consultation", "IN_PERSON")
			.replaceFirst("\"start\": \"[^\"]+\"", "\"start\": " + weekdayAt(surgeon, 3, "09:00").getEpochSecond());

		refusedNaming(
				http.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON).body(form).exchange(),
				"start");
		assertThat(jdbc.sql("select count(*) from booking where practitioner_id = ?")
			.param(surgeon.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aHugeAppointmentTypeIsRefusedByNameAndNotEchoedBack() {
		String huge = "x".repeat(100_000);

		byte[] answer = refusedNaming(book(patient, weekdayAt(surgeon, 3, "09:00"), huge, "IN_PERSON"),
				"appointmentType")
			.returnResult()
			.getResponseBodyContent();
		assertThat(answer).hasSizeLessThan(2_000);
	}

	@Test
	void anUnknownAppointmentTypeIsQuotedShortInTheDetail() {
		String unknown = "y".repeat(900);

		byte[] answer = expectProblem(book(patient, weekdayAt(surgeon, 3, "09:00"), unknown, "IN_PERSON"), 422,
				"appointment-type-not-offered")
			.returnResult()
			.getResponseBodyContent();
		assertThat(new String(answer)).contains("y".repeat(40) + "…").doesNotContain("y".repeat(41));
	}

	private RestTestClient.ResponseSpec book(UUID patient, Instant start, String type, String mode) {
		return http.post()
			.uri("/api/appointments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(form(surgeon.id(), patient, start, type, mode))
			.exchange();
	}

	private RestTestClient.ResponseSpec reschedule(UUID id, Instant start) {
		return http.post()
			.uri("/api/appointments/{id}/reschedule", id)
			.header("If-Match", current(id))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start\": \"" + start + "\"}")
			.exchange();
	}

	private RestTestClient.ResponseSpec command(UUID id, String command) {
		return http.post()
			.uri("/api/appointments/{id}/{command}", id, command)
			.header("If-Match", current(id))
			.exchange();
	}

	private String current(UUID id) {
		return fixtures.etag("/api/appointments/{id}", id);
	}

	private static RestTestClient.BodyContentSpec expectProblem(RestTestClient.ResponseSpec response, int status,
			String type) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/" + type);
	}

	private static String form(UUID practitioner, UUID patient, Instant start, String type, String mode) {
		return """
				{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "%s", "mode": "%s"}
				""".formatted(practitioner, patient, start, type, mode);
	}

	private long appointments() {
		return jdbc.sql("select count(*) from booking").query(Long.class).single();
	}

}
