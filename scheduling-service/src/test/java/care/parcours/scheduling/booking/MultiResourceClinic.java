package care.parcours.scheduling.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.createdId;
import static care.parcours.scheduling.SchedulingFixtures.okJson;
import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;

/**
 * Where the multi-resource booking tests start: a clinic with two operating rooms and two
 * Arabic interpreters, whose surgeons' surgeries need them
 * ({@link MultiResourceFixtures}), and the requests these tests make again and again.
 * Each test gets a clinic of its own.
 */
abstract class MultiResourceClinic {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	SchedulingFixtures fixtures;

	MultiResourceFixtures clinic;

	@BeforeEach
	void aClinicWithTwoOperatingRoomsAndTwoArabicInterpreters() {
		fixtures = new SchedulingFixtures(http, jdbc);
		clinic = new MultiResourceFixtures(http, jdbc, fixtures);
	}

	/** The nth weekday after today, in the practitioner's zone. */
	static LocalDate day(Practitioner practitioner, int n) {
		return LocalDate.ofInstant(weekdayAt(practitioner, n, "12:00"), practitioner.zone());
	}

	/** The first {@code size} slots of the day for the practitioner and type. */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> search(Practitioner practitioner, String type, LocalDate day, int size) {
		return (List<Map<String, Object>>) page(practitioner, type, day, size, null).get("content");
	}

	/** A page of the day's slots, the first or the one after the cursor {@code after}. */
	Map<String, Object> page(Practitioner practitioner, String type, LocalDate day, int size, String after) {
		return okJson(http.get()
			.uri("/api/slots?practitionerId=" + practitioner.id() + "&appointmentType=" + type + "&from=" + day + "&to="
					+ day + "&size=" + size + (after == null ? "" : "&after=" + after)));
	}

	/** The resources a slot proposes, by role. */
	static Map<String, UUID> resources(Map<String, Object> slot) {
		Map<String, UUID> byRole = new LinkedHashMap<>();
		for (Object resource : (List<?>) slot.get("resources")) {
			Map<?, ?> view = (Map<?, ?>) resource;
			byRole.put((String) view.get("role"), UUID.fromString((String) view.get("resourceId")));
		}
		return byRole;
	}

	/** The resources an event names, each as "role resourceId partnerId". */
	static List<String> named(JsonNode data) {
		List<String> named = new ArrayList<>();
		data.path("resources")
			.forEach(resource -> named.add(resource.path("role").asString() + " "
					+ resource.path("resourceId").asString() + " " + resource.path("partnerId").asString()));
		return named;
	}

	/**
	 * Books the time in person for the practitioner and a patient of its own; answers the
	 * appointment's id.
	 */
	UUID booked(Practitioner practitioner, Instant start, String type) {
		return fixtures.book(practitioner, fixtures.patient(), start, type, "IN_PERSON");
	}

	/**
	 * Holds the time for the practitioner and a patient of its own, for the service's
	 * default hold time; answers the hold's id.
	 */
	String hold(Practitioner practitioner, Instant start, String type) {
		return createdId(http.post()
			.uri("/api/slots/holds")
			.contentType(MediaType.APPLICATION_JSON)
			.body(MultiResourceFixtures.booking(practitioner, fixtures.patient(), start, type))
			.exchange()).toString();
	}

	RestTestClient.ResponseSpec reschedule(UUID appointment, Instant start) {
		return moved(appointment, "reschedule", start);
	}

	RestTestClient.ResponseSpec cascade(UUID appointment, Instant start) {
		return moved(appointment, "cascade-reschedule", start);
	}

	/** The appointment, at the version it is now, asked to move to {@code start}. */
	private RestTestClient.ResponseSpec moved(UUID appointment, String action, Instant start) {
		return http.post()
			.uri("/api/appointments/{id}/{action}", appointment, action)
			.header(HttpHeaders.IF_MATCH, fixtures.etag("/api/appointments/{id}", appointment))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start\": \"" + start + "\"}")
			.exchange();
	}

	void cancel(UUID appointment) {
		http.post()
			.uri("/api/appointments/{id}/cancel", appointment)
			.header(HttpHeaders.IF_MATCH, fixtures.etag("/api/appointments/{id}", appointment))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\": \"OTHER\"}")
			.exchange()
			.expectStatus()
			.isOk();
	}

}
