package care.parcours.scheduling.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.events.partner.PartnerActivated;
import care.parcours.events.partner.PartnerSuspended;
import care.parcours.events.partner.PractitionerJoinedPartner;
import care.parcours.events.partner.PractitionerLeftPartner;
import care.parcours.events.partner.ResourceRegistered;
import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ApiContractTests;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.okJson;
import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ParcoursTest
class SchedulingSecurityIT extends ApiContractTests {

	@Override
	protected String service() {
		return "scheduling-service";
	}

	@Override
	protected Set<String> publicOperations() {
		return Set.of("GET /api/appointments/join/{token}");
	}

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	SchedulingFixtures fixtures;

	Practitioner ours;

	Practitioner theirs;

	@BeforeEach
	void twoPartners() {
		fixtures = new SchedulingFixtures(http, jdbc);
		ours = fixtures.practitioner();
		theirs = fixtures.practitioner();
		fixtures.weekdays(ours, "09:00", "12:00");
		fixtures.weekdays(theirs, "09:00", "12:00");
	}

	@Test
	void aPartnerSystemCannotBookHoldOrSearchSlots() {
		String partner = TestTokens.partner(ours.partnerId()).bearer();
		getAs(partner, "/api/slots?from=2030-01-01&to=2030-01-02").exchange().expectStatus().isForbidden();
		postAs(partner, "/api/appointments").body("{}").exchange().expectStatus().isForbidden();
	}

	@Test
	void aPartnerPushesItsOwnPractitionersAvailabilityButAnotherPartnersPractitionerDoesNotExistForIt() {
		String partner = TestTokens.partner(ours.partnerId()).bearer();
		String availability = """
				{"appointmentTypes": [{"code": "consultation", "durationMinutes": 30, "modes": ["IN_PERSON"]}],
				 "weeklyRules": [{"day": "MONDAY", "start": "14:00", "end": "18:00", "modes": ["IN_PERSON"],
				                  "validFrom": "2026-01-01"}]}
				""";
		putAs(partner, "/api/schedules/{id}/availability", ours.id()).header(HttpHeaders.IF_MATCH, "\"1\"")
			.body(availability)
			.exchange()
			.expectStatus()
			.isOk();
		putAs(partner, "/api/schedules/{id}/availability", theirs.id()).header(HttpHeaders.IF_MATCH, "\"1\"")
			.body(availability)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		for (String path : List.of("/api/schedules/{id}", "/api/schedules/{id}/availability")) {
			getAs(partner, path, theirs.id()).exchange().expectStatus().isNotFound();
		}
		// Their rules are untouched.
		http.get()
			.uri("/api/schedules/{id}/availability", theirs.id())
			.exchange()
			.expectBody()
			.jsonPath("$.weeklyRules.length()")
			.isEqualTo(5);
	}

	@Test
	void aPartnerSetsItsOwnRoomsHoursButAnotherPartnersRoomDoesNotExistForIt() {
		UUID ourRoom = room(ours.partnerId());
		UUID theirRoom = room(theirs.partnerId());
		String partner = TestTokens.partner(ours.partnerId()).bearer();
		String hours = """
				{"weeklyRules": [{"day": "MONDAY", "start": "07:00", "end": "19:00", "validFrom": "2026-01-01"}]}
				""";
		String closure = """
				{"kind": "UNAVAILABLE", "reason": "MAINTENANCE", "start": "2030-01-07T08:00:00",
				 "end": "2030-01-07T12:00:00"}
				""";
		putAs(partner, "/api/schedules/resources/{id}/availability", ourRoom).header(HttpHeaders.IF_MATCH, "\"0\"")
			.body(hours)
			.exchange()
			.expectStatus()
			.isOk();
		http.post()
			.uri("/api/schedules/resources/{id}/exceptions", ourRoom)
			.header(HttpHeaders.AUTHORIZATION, partner)
			.contentType(MediaType.APPLICATION_JSON)
			.body(closure)
			.exchange()
			.expectStatus()
			.isCreated();
		String theirClosure = http.post()
			.uri("/api/schedules/resources/{id}/exceptions", theirRoom)
			.contentType(MediaType.APPLICATION_JSON)
			.body(closure)
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();

		putAs(partner, "/api/schedules/resources/{id}/availability", theirRoom).header(HttpHeaders.IF_MATCH, "\"0\"")
			.body(hours)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		http.post()
			.uri("/api/schedules/resources/{id}/exceptions", theirRoom)
			.header(HttpHeaders.AUTHORIZATION, partner)
			.contentType(MediaType.APPLICATION_JSON)
			.body(closure)
			.exchange()
			.expectStatus()
			.isNotFound();
		http.delete()
			.uri(theirClosure)
			.header(HttpHeaders.AUTHORIZATION, partner)
			.exchange()
			.expectStatus()
			.isNotFound();
		http.get()
			.uri("/api/schedules/resources/{id}/availability", theirRoom)
			.header(HttpHeaders.AUTHORIZATION, partner)
			.exchange()
			.expectStatus()
			.isNotFound();
		// Billing staff do not set hours.
		http.put()
			.uri("/api/schedules/resources/{id}/availability", ourRoom)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff("billing").bearer())
			.header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(hours)
			.exchange()
			.expectStatus()
			.isForbidden();
		// Their room is untouched: no rules, its closure still there.
		http.get()
			.uri("/api/schedules/resources/{id}/availability?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z",
					theirRoom)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(0)
			.jsonPath("$.exceptions.length()")
			.isEqualTo(1);
	}

	private UUID room(UUID partner) {
		UUID room = UUID.randomUUID();
		TestEvents.publish(
				new ResourceRegistered(room, partner, "OPERATING_ROOM", "Europe/Paris", List.of(), List.of()), room, 0);
		await().until(() -> jdbc.sql("select count(*) from resource where id = ?")
			.param(room)
			.query(Long.class)
			.single() == 1);
		return room;
	}

	@Test
	void aPartnerReadsTheAppointmentsAtItsOrganisationOnly() {
		UUID mine = fixtures.book(ours, fixtures.patient(), weekdayAt(ours, 3, "10:00"), "consultation", "IN_PERSON");
		UUID other = fixtures.book(theirs, fixtures.patient(), weekdayAt(theirs, 3, "10:00"), "consultation",
				"IN_PERSON");
		String partner = TestTokens.partner(ours.partnerId()).bearer();

		getAs(partner, "/api/appointments/{id}", mine).exchange().expectStatus().isOk();
		getAs(partner, "/api/appointments/{id}", other).exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.practitionerId")
			.doesNotExist();
		getAs(partner, "/api/appointments").exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].id")
			.isEqualTo(List.of(mine.toString()));
		getAs(partner, "/api/appointments?partnerId={other}", theirs.partnerId()).exchange()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(0);
	}

	@Test
	void aPartnerWithoutTheAppointmentsScopeCannotReadThem() {
		String availabilityOnly = TestTokens.partner(ours.partnerId()).scopes("partner.availability.write").bearer();
		getAs(availabilityOnly, "/api/appointments").exchange().expectStatus().isForbidden();
	}

	@Test
	void aPractitionerJoiningAPartnerOpensTheirScheduleToItAndLeavingClosesIt() {
		String newPartner = TestTokens.partner(theirs.partnerId()).bearer();
		TestEvents.publish(new PractitionerJoinedPartner(ours.id(), theirs.partnerId()), ours.id(), 1);
		await()
			.untilAsserted(() -> getAs(newPartner, "/api/schedules/{id}", ours.id()).exchange().expectStatus().isOk());
		TestEvents.publish(new PractitionerLeftPartner(ours.id(), theirs.partnerId()), ours.id(), 2);
		await().untilAsserted(
				() -> getAs(newPartner, "/api/schedules/{id}", ours.id()).exchange().expectStatus().isNotFound());
	}

	@Test
	void aSuspendedPartnersPractitionersOfferNoSlotsUntilItIsActiveAgain() {
		assertThat(slotsOffered(ours)).isPositive();
		TestEvents.publish(new PartnerSuspended(ours.partnerId()), ours.partnerId(), 1);
		await().untilAsserted(() -> assertThat(slotsOffered(ours)).isZero());
		TestEvents.publish(new PartnerActivated(ours.partnerId()), ours.partnerId(), 2);
		await().untilAsserted(() -> assertThat(slotsOffered(ours)).isPositive());
	}

	/** Slots of the practitioner in the next two weeks, on the first page. */
	private int slotsOffered(Practitioner practitioner) {
		Map<?, ?> page = okJson(http.get()
			.uri("/api/slots?practitionerId={id}&from={from}&to={to}", practitioner.id(), Instant.now(),
					Instant.now().plusSeconds(14 * 86400)));
		return ((List<?>) page.get("content")).size();
	}

}
