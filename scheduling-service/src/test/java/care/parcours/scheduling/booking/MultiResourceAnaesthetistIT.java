package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.partner.PractitionerJoinedPartner;
import care.parcours.events.partner.PractitionerLeftPartner;
import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.events.partner.ResourceRegistered;
import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import care.parcours.test.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import care.parcours.test.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static care.parcours.test.InvalidRequests.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Surgeries that need another practitioner besides the surgeon and a room: an
 * anaesthetist of the clinic, taken like a room, whose own appointments and surgeries
 * never overlap and who is taken only in their own hours. The clinic has one operating
 * room and two anaesthetists: one all day (07:30 to 18:00), one mornings only (07:30 to
 * 12:00).
 */
@ParcoursTest
@SuppressWarnings("unchecked")
class MultiResourceAnaesthetistIT extends MultiResourceClinic {

	private static final String ANAESTHETIST = """
			{"role": "anaesthetist", "kind": "PRACTITIONER", "specialty": "anaesthesiology"}""";

	UUID partner;

	UUID room;

	Practitioner allDay;

	Practitioner mornings;

	@BeforeEach
	void aClinicWithOneOperatingRoomAndTwoAnaesthetists() {
		partner = fixtures.practitioner().partnerId();
		room = UUID.randomUUID();
		TestEvents.publish(
				new ResourceRegistered(room, partner, "OPERATING_ROOM", "Europe/Paris", List.of(), List.of()), room, 0);
		await().until(() -> clinic.known(room));
		allDay = practitioner("anaesthesiology", "07:30", "18:00", consultation());
		mornings = practitioner("anaesthesiology", "07:30", "12:00", consultation());
	}

	@Test
	void aSurgeryTakesTheSurgeonTheRoomAndAnAnaesthetistWhoseOwnConsultationThenIsRefused() {
		Practitioner surgeon = surgeon();
		Instant ten = weekdayAt(surgeon, 3, "10:00");
		UUID surgery;
		Map<String, UUID> taken;

		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			surgery = booked(surgeon, ten, "surgery");

			taken = clinic.taken(surgery);
			assertThat(taken).containsOnlyKeys("practitioner", "room", "anaesthetist")
				.containsEntry("practitioner", surgeon.id())
				.containsEntry("room", room);
			assertThat(taken.get("anaesthetist")).isIn(allDay.id(), mornings.id());
			JsonNode booked = events
				.await(received -> received.type().equals("scheduling.appointment.booked.v1")
						&& received.data().path("appointmentId").asString().equals(surgery.toString()))
				.data();
			assertThat(named(booked)).containsExactly("practitioner " + surgeon.id() + " " + partner,
					"anaesthetist " + taken.get("anaesthetist") + " " + partner, "room " + room + " " + partner);
		}
		// The anaesthetist comes 15 minutes before the surgery.
		assertThat(from(surgery, "anaesthetist")).isEqualTo(ten.minus(Duration.ofMinutes(15)));
		Practitioner anaesthetist = taken.get("anaesthetist").equals(allDay.id()) ? allDay : mornings;

		Map<?, ?> problem = refused(anaesthetist, weekdayAt(surgeon, 3, "10:30"), "consultation", 409);

		assertThat(problem.get("type")).isEqualTo("https://parcours.care/problems/slot-taken");
		List<Instant> nearby = ((List<Map<String, String>>) problem.get("nearby")).stream()
			.map(slot -> Instant.parse(slot.get("start")))
			.toList();
		assertThat(nearby).isNotEmpty()
			.allSatisfy(start -> assertThat(start.plus(Duration.ofMinutes(30)).isAfter(ten.minusSeconds(900))
					&& start.isBefore(ten.plus(Duration.ofHours(2))))
				.as("%s overlaps the surgery", start)
				.isFalse());
		assertThat(bookingsOf(anaesthetist)).isZero();
		// Held from 09:45 to 12:00, the anaesthetist offers no consultation then.
		LocalDate day = day(surgeon, 3);
		assertThat(search(anaesthetist, "consultation", day, 40)).extracting(s -> s.get("localStart"))
			.contains(day + "T09:00:00")
			.doesNotContain(day + "T09:30:00", day + "T10:00:00", day + "T11:30:00");
	}

	@Test
	void anAnaesthetistWhoLeavesTheClinicForAnotherGivesThatOtherNoSightOfTheClinicsSurgery() {
		Practitioner surgeon = surgeon();
		UUID surgery = booked(surgeon, weekdayAt(surgeon, 3, "10:00"), "surgery");
		UUID anaesthetist = taken(surgery);
		UUID elsewhere = UUID.randomUUID();

		TestEvents.publish(new PractitionerJoinedPartner(anaesthetist, elsewhere), anaesthetist, 1);
		TestEvents.publish(new PractitionerLeftPartner(anaesthetist, partner), anaesthetist, 2);
		await().until(() -> jdbc.sql("select partner_id from practitioner_partner where practitioner_id = ?")
			.param(anaesthetist)
			.query(UUID.class)
			.list()
			.equals(List.of(elsewhere)));

		http.get()
			.uri("/api/appointments/{id}", surgery)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.partner(elsewhere).bearer())
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(http.get()
			.uri("/api/appointments/{id}", surgery)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.partner(partner).bearer())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody())
			.contains("{\"role\":\"anaesthetist\",\"resourceId\":\"" + anaesthetist + "\",\"partnerId\":\"" + partner
					+ "\"}");
	}

	@Test
	void anAnaesthetistWithAConsultationThenIsPassedOverForTheOtherAndEachIsMovedWithTheSurgery() {
		Practitioner surgeon = surgeon();
		LocalDate day = day(surgeon, 3);
		booked(allDay, weekdayAt(surgeon, 3, "10:30"), "consultation");

		List<Map<String, Object>> slots = search(surgeon, "surgery", day, 10);

		Map<String, Object> atTen = slots.stream()
			.filter(slot -> slot.get("localStart").equals(day + "T10:00:00"))
			.findFirst()
			.orElseThrow();
		assertThat(resources(atTen)).containsEntry("anaesthetist", mornings.id()).containsEntry("room", room);
		UUID surgery = booked(surgeon, weekdayAt(surgeon, 3, "10:00"), "surgery");
		assertThat(taken(surgery)).isEqualTo(mornings.id());

		// The next day the mornings-only anaesthetist sees a patient at 09:00: the
		// surgery
		// moved there takes the other.
		booked(mornings, weekdayAt(surgeon, 4, "09:00"), "consultation");
		reschedule(surgery, weekdayAt(surgeon, 4, "08:00")).expectStatus().isOk();
		assertThat(taken(surgery)).isEqualTo(allDay.id());
		assertThat(from(surgery, "anaesthetist")).isEqualTo(weekdayAt(surgeon, 4, "07:45"));

		cancel(surgery);
		assertThat(clinic.liveResourcesOf(surgery)).isZero();
		booked(allDay, weekdayAt(surgeon, 4, "08:30"), "consultation");
	}

	@Test
	void noTimeIsProposedWhenNoAnaesthetistIsFreeOrOnDutyAndBookingOneThenTakesNothing() {
		Practitioner surgeon = surgeon();
		LocalDate day = day(surgeon, 3);
		// From 12:00 only the all-day anaesthetist works; at 16:30 they see a patient.
		booked(allDay, weekdayAt(surgeon, 3, "16:30"), "consultation");

		List<Map<String, Object>> slots = search(surgeon, "surgery", day, 10);

		assertThat(slots).extracting(s -> s.get("localStart"))
			.containsExactly(day + "T08:00:00", day + "T10:00:00", day + "T12:00:00", day + "T14:00:00");
		assertThat(slots.subList(2, 4))
			.allSatisfy(slot -> assertThat(resources(slot)).containsEntry("anaesthetist", allDay.id()));

		Map<?, ?> problem = refused(surgeon, weekdayAt(surgeon, 3, "16:00"), "surgery", 409);
		assertThat(problem.get("type")).isEqualTo("https://parcours.care/problems/resource-taken");
		assertThat(problem.get("role")).isEqualTo("anaesthetist");
		assertThat(bookingsOf(surgeon)).isZero();
		assertThat(jdbc.sql("select count(*) from booking_resource where resource_id = any(?) and live")
			.param(new UUID[] { room, surgeon.id(), mornings.id() })
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void whenEveryAnaesthetistIsOffDutyASurgeryIsRefusedAsClosedNotTaken() {
		Practitioner surgeon = surgeon();
		LocalDate day = day(surgeon, 4);
		UUID surgery = fixtures.book(surgeon, fixtures.patient(), weekdayAt(surgeon, 3, "10:00"), "surgery",
				"IN_PERSON");
		UUID before = taken(surgery);
		for (Practitioner anaesthetist : List.of(allDay, mornings)) {
			http.post()
				.uri("/api/schedules/{id}/exceptions", anaesthetist.id())
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"kind\": \"UNAVAILABLE\", \"reason\": \"LEAVE\", \"start\": \"" + day.atStartOfDay()
						+ "\", \"end\": \"" + day.plusDays(1).atStartOfDay() + "\"}")
				.exchange()
				.expectStatus()
				.isCreated();
		}

		Map<?, ?> problem = refused(surgeon, weekdayAt(surgeon, 4, "10:00"), "surgery", 409);
		assertThat(problem.get("type")).isEqualTo("https://parcours.care/problems/resource-closed");
		assertThat(problem.get("role")).isEqualTo("anaesthetist");
		assertThat((String) problem.get("detail")).startsWith("No PRACTITIONER is open");
		reschedule(surgery, weekdayAt(surgeon, 4, "10:00")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/resource-closed")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).startsWith("PRACTITIONER " + before + " is closed"));
		assertThat(bookingsOf(surgeon)).isEqualTo(1);
		assertThat(taken(surgery)).isEqualTo(before);
	}

	@Test
	void aCascadeTakesAnAnaesthetistFreeAndOnDutyAtTheNewTimeOrIsImpossibleAndMovesNothing() {
		Practitioner surgeon = surgeon();
		UUID surgery = booked(surgeon, weekdayAt(surgeon, 3, "10:00"), "surgery");
		booked(allDay, weekdayAt(surgeon, 4, "16:30"), "consultation");
		booked(mornings, weekdayAt(surgeon, 4, "09:00"), "consultation");
		String version = fixtures.etag("/api/appointments/{id}", surgery);
		UUID before = taken(surgery);

		// At 16:00 the all-day anaesthetist sees a patient and the other is off duty.
		cascade(surgery, weekdayAt(surgeon, 4, "16:00")).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/cascade-impossible");
		assertThat(fixtures.etag("/api/appointments/{id}", surgery)).isEqualTo(version);
		assertThat(taken(surgery)).isEqualTo(before);

		// At 08:00 the mornings-only anaesthetist's patient comes at 09:00.
		cascade(surgery, weekdayAt(surgeon, 4, "08:00")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.applied")
			.isEqualTo(true);
		assertThat(taken(surgery)).isEqualTo(allDay.id());
		assertThat(from(surgery, "anaesthetist")).isEqualTo(weekdayAt(surgeon, 4, "07:45"));
	}

	@Test
	void aHoldTakesTheAnaesthetistUntilReleased() {
		Practitioner surgeon = surgeon();
		Instant eight = weekdayAt(surgeon, 3, "08:00");
		String hold = hold(surgeon, eight, "surgery");
		Practitioner held = taken(UUID.fromString(hold)).equals(allDay.id()) ? allDay : mornings;

		refused(held, eight.plus(Duration.ofMinutes(30)), "consultation", 409);

		http.post()
			.uri("/api/slots/holds/{id}/release", hold)
			.header("If-Match", "\"0\"")
			.exchange()
			.expectStatus()
			.isOk();
		booked(held, eight.plus(Duration.ofMinutes(30)), "consultation");
	}

	@Test
	void practitionerRolesThatCouldNeverBeFilledAreRefusedAndChangeNothing() {
		Practitioner surgeon = surgeon();
		Practitioner elsewhere = fixtures.practitioner("Europe/Paris", "anaesthesiology", "fr", "FR", "Lyon");
		String version = fixtures.etag("/api/schedules/{id}/availability", surgeon.id());

		clinic.offer(surgeon, version, surgery("""
				{"role": "cardiologist", "kind": "PRACTITIONER", "specialty": "cardiology"}"""))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/no-resource-for-role");
		for (UUID named : List.of(UUID.randomUUID(), elsewhere.id(), surgeon.id())) {
			refusedNaming(clinic.offer(surgeon, version, surgery("""
					{"role": "anaesthetist", "kind": "PRACTITIONER", "resourceId": "%s"}""".formatted(named))),
					"appointmentTypes[0].roles[1].resourceId");
		}
		refusedNaming(clinic.offer(surgeon, version, surgery("""
				{"role": "anaesthetist", "kind": "PRACTITIONER"}""")), "appointmentTypes[0].roles[1].specialty");
		// An anaesthetist operating alone at a clinic has no other to fill the role.
		Practitioner alone = fixtures.practitioner("Europe/Paris", "anaesthesiology", "fr", "FR", "Lyon");
		clinic
			.offer(alone, fixtures.etag("/api/schedules/{id}/availability", alone.id()),
					MultiResourceFixtures.type("surgery", 120, ANAESTHETIST))
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("PRACTITIONER in 'anaesthesiology'"));

		assertThat(fixtures.etag("/api/schedules/{id}/availability", surgeon.id())).isEqualTo(version);
		// Named, the all-day anaesthetist is the one taken, and kept.
		clinic.offer(surgeon, version, surgery("""
				{"role": "anaesthetist", "kind": "PRACTITIONER", "resourceId": "%s"}""".formatted(allDay.id())))
			.expectStatus()
			.isOk();
		UUID surgery = booked(surgeon, weekdayAt(surgeon, 3, "08:00"), "surgery");
		assertThat(taken(surgery)).isEqualTo(allDay.id());

		// Named, they are not exchanged: a move to a time when they are busy is refused.
		booked(allDay, weekdayAt(surgeon, 4, "08:30"), "consultation");
		reschedule(surgery, weekdayAt(surgeon, 4, "08:00")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/resource-taken")
			.jsonPath("$.role")
			.isEqualTo("anaesthetist")
			.jsonPath("$.resourceId")
			.isEqualTo(allDay.id().toString())
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).startsWith("PRACTITIONER " + allDay.id() + " is taken"));
		assertThat(from(surgery, "anaesthetist")).isEqualTo(weekdayAt(surgeon, 3, "08:00"));
	}

	/**
	 * An orthopaedic surgeon of the clinic, 08:00 to 18:00: 120-minute surgeries in the
	 * operating room with an anaesthetist, who comes 15 minutes before.
	 */
	private Practitioner surgeon() {
		return practitioner("orthopaedics", "08:00", "18:00", surgery("""
				{"role": "anaesthetist", "kind": "PRACTITIONER", "specialty": "anaesthesiology",
				 "bufferBeforeMinutes": 15}"""));
	}

	private static String surgery(String anaesthetist) {
		return MultiResourceFixtures.type("surgery", 120,
				"{\"role\": \"room\", \"kind\": \"OPERATING_ROOM\", \"bufferAfterMinutes\": 30}, " + anaesthetist);
	}

	private static String consultation() {
		return "{\"code\": \"consultation\", \"durationMinutes\": 30, \"modes\": [\"IN_PERSON\"]}";
	}

	/** A practitioner of the clinic, weekdays from {@code start} to {@code end}. */
	private Practitioner practitioner(String specialty, String start, String end, String types) {
		UUID id = UUID.randomUUID();
		TestEvents.publish(new PractitionerRegistered(id, partner, "Europe/Paris", List.of(specialty), List.of("fr")),
				id, 0);
		await().until(() -> jdbc.sql("select count(*) from schedule where practitioner_id = ?")
			.param(id)
			.query(Long.class)
			.single() == 1);
		StringBuilder rules = new StringBuilder();
		for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
			rules.append(rules.isEmpty() ? "" : ",")
				.append("""
						{"day": "%s", "start": "%s", "end": "%s", "modes": ["IN_PERSON"], "validFrom": "2026-01-01"}"""
					.formatted(day, start, end));
		}
		http.put()
			.uri("/api/schedules/{id}/availability", id)
			.header("If-Match", fixtures.etag("/api/schedules/{id}/availability", id))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"appointmentTypes\": [" + types + "], \"weeklyRules\": [" + rules + "]}")
			.exchange()
			.expectStatus()
			.isOk();
		return new Practitioner(id, partner, ZoneId.of("Europe/Paris"));
	}

	/** The anaesthetist a booking takes. */
	private UUID taken(UUID booking) {
		return clinic.taken(booking).get("anaesthetist");
	}

	private Instant from(UUID booking, String role) {
		return jdbc.sql("select lower(during) from booking_resource where booking_id = ? and role = ?")
			.params(booking, role)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private long bookingsOf(Practitioner practitioner) {
		return clinic.bookingsOf(practitioner);
	}

	private Map<?, ?> refused(Practitioner practitioner, Instant start, String type, int status) {
		return http.post()
			.uri("/api/appointments")
			.contentType(MediaType.APPLICATION_JSON)
			.body(MultiResourceFixtures.booking(practitioner, fixtures.patient(), start, type))
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
