package care.parcours.scheduling.booking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.partner.ResourceRegistered;
import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import care.parcours.test.TestEvents;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static care.parcours.scheduling.SchedulingFixtures.okJson;
import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A surgery at a clinic with an interpreting agency's interpreter: the events name every
 * resource it takes with its partner, and a partner reads the appointments that hold one
 * of its resources, seeing only its own resources of them.
 */
@ParcoursTest
class PartnerResourcesIT extends MultiResourceClinic {

	Practitioner surgeon;

	UUID agency = UUID.randomUUID();

	UUID interpreter = UUID.randomUUID();

	@BeforeEach
	void aClinicsSurgeonWhoseSurgeriesNeedARoomAndAnAgencysInterpreter() {
		TestEvents.publish(
				new ResourceRegistered(interpreter, agency, "INTERPRETER", "Europe/Paris", List.of(), List.of("ar")),
				interpreter, 0);
		await().until(() -> clinic.known(interpreter));
		surgeon = clinic.surgeon();
		String room = "{\"role\": \"room\", \"kind\": \"OPERATING_ROOM\", \"bufferAfterMinutes\": 30}";
		String agencysInterpreter = "{\"role\": \"interpreter\", \"kind\": \"INTERPRETER\", \"resourceId\": \""
				+ interpreter + "\"}";
		clinic
			.offer(surgeon, fixtures.etag("/api/schedules/{id}/availability", surgeon.id()),
					"{\"code\": \"consultation\", \"durationMinutes\": 30, \"modes\": [\"IN_PERSON\"]}, "
							+ MultiResourceFixtures.type("surgery", 120, room + ", " + agencysInterpreter))
			.expectStatus()
			.isOk();
	}

	@Test
	void theAgencyReadsTheSurgeryOfItsInterpreterSeeingOnlyItsInterpreter() {
		UUID surgery = booked(surgeon, weekdayAt(surgeon, 3, "10:00"), "surgery");
		UUID room = clinic.taken(surgery).get("room");

		Map<?, ?> seenByAgency = read(surgery, TestTokens.partner(agency).bearer());
		assertThat(resourcesOf(seenByAgency)).containsExactly(
				Map.of("role", "interpreter", "resourceId", interpreter.toString(), "partnerId", agency.toString()));
		assertThat(seenByAgency.get("partnerId")).isEqualTo(surgeon.partnerId().toString());
		assertThat(listed(TestTokens.partner(agency).bearer())).contains(surgery.toString());

		assertThat(resourcesOf(read(surgery, TestTokens.partner(surgeon.partnerId()).bearer())))
			.extracting(resource -> resource.get("role"))
			.containsExactly("practitioner", "room");
		assertThat(resourcesOf(read(surgery, TestTokens.staff("coordinator").bearer())))
			.extracting(resource -> resource.get("resourceId"))
			.containsExactly(surgeon.id().toString(), interpreter.toString(), room.toString());
	}

	@Test
	void aPartnerWithNoResourceInTheSurgeryDoesNotFindIt() {
		UUID surgery = booked(surgeon, weekdayAt(surgeon, 3, "10:00"), "surgery");
		String stranger = TestTokens.partner(UUID.randomUUID()).bearer();

		http.get()
			.uri("/api/appointments/{id}", surgery)
			.header(HttpHeaders.AUTHORIZATION, stranger)
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(listed(stranger)).doesNotContain(surgery.toString());
	}

	@Test
	void onceCancelledTheSurgeryNoLongerHoldsTheInterpreterAndTheAgencyNoLongerFindsIt() {
		UUID surgery = booked(surgeon, weekdayAt(surgeon, 3, "10:00"), "surgery");
		cancel(surgery);

		http.get()
			.uri("/api/appointments/{id}", surgery)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.partner(agency).bearer())
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(listed(TestTokens.partner(agency).bearer())).doesNotContain(surgery.toString());
		assertThat(resourcesOf(read(surgery, TestTokens.partner(surgeon.partnerId()).bearer())))
			.extracting(resource -> resource.get("role"))
			.containsExactly("practitioner", "room");
	}

	@Test
	void theEventsOfTheSurgeryNameEveryResourceWithItsPartner() {
		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			UUID surgery = booked(surgeon, weekdayAt(surgeon, 3, "10:00"), "surgery");
			UUID room = clinic.taken(surgery).get("room");
			http.post()
				.uri("/api/appointments/{id}/reschedule", surgery)
				.header("If-Match", fixtures.etag("/api/appointments/{id}", surgery))
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"start\": \"" + weekdayAt(surgeon, 4, "09:00") + "\"}")
				.exchange()
				.expectStatus()
				.isOk();
			cancel(surgery);

			List<String> expected = List.of("practitioner " + surgeon.id() + " " + surgeon.partnerId(),
					"interpreter " + interpreter + " " + agency, "room " + room + " " + surgeon.partnerId());
			for (String type : List.of("booked", "rescheduled", "cancelled")) {
				PublishedEvents.Received event = events
					.await(received -> received.type().equals("scheduling.appointment." + type + ".v1")
							&& received.data().path("appointmentId").asString().equals(surgery.toString()));
				assertThat(named(event.data())).as(type).containsExactlyElementsOf(expected);
			}
		}
	}

	@Test
	void aHoldAndASinglePractitionerAppointmentNameTheirPractitioner() {
		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			UUID appointment = booked(surgeon, weekdayAt(surgeon, 3, "15:00"), "consultation");
			String hold = hold(surgeon, weekdayAt(surgeon, 3, "10:00"), "surgery");

			JsonNode booked = events.await(PublishedEvents.about(appointment.toString())).data();
			assertThat(named(booked)).containsExactly("practitioner " + surgeon.id() + " " + surgeon.partnerId());
			JsonNode held = events.await(PublishedEvents.about(hold)).data();
			assertThat(named(held)).hasSize(3).contains("interpreter " + interpreter + " " + agency);
		}
	}

	private Map<?, ?> read(UUID appointment, String bearer) {
		return okJson(http.get().uri("/api/appointments/{id}", appointment).header(HttpHeaders.AUTHORIZATION, bearer));
	}

	private List<String> listed(String bearer) {
		Map<?, ?> page = okJson(http.get()
			.uri("/api/appointments?size=100&from={from}", weekdayAt(surgeon, 1, "00:00"))
			.header(HttpHeaders.AUTHORIZATION, bearer));
		List<String> ids = new ArrayList<>();
		for (Object appointment : (List<?>) page.get("content")) {
			ids.add((String) ((Map<?, ?>) appointment).get("id"));
		}
		return ids;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> resourcesOf(Map<?, ?> appointment) {
		return (List<Map<String, Object>>) appointment.get("resources");
	}

}
