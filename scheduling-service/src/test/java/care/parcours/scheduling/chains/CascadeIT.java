package care.parcours.scheduling.chains;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hip replacement pathway: pre-op consult the day before surgery (give or take 12
 * hours), follow-up a week after (give or take a day). The patient's flight slips two
 * days.
 */
@ParcoursTest
class CascadeIT extends HipReplacementPathway {

	@Override
	UUID book(Practitioner practitioner, Instant start, String type) {
		return fixtures.book(practitioner, patient, start, type, "IN_PERSON");
	}

	@Test
	void aDryRunShowsThePlanAndChangesNothing() {
		link().expectStatus().isCreated();

		Map<String, Map<?, ?>> plan = cascade(surgery, at(surgeryDay.plusDays(2), "09:00"), true);

		assertThat(plan.get(surgery.toString()).get("toStart"))
			.isEqualTo(at(surgeryDay.plusDays(2), "09:00").toString());
		assertThat(plan.get(consult.toString()).get("toStart"))
			.isEqualTo(at(surgeryDay.plusDays(1), "09:00").toString());
		assertThat(plan.get(followUp.toString()).get("toStart"))
			.isEqualTo(at(surgeryDay.plusDays(9), "09:00").toString());
		assertThat(start(surgery)).isEqualTo(at(surgeryDay, "09:00").toString());
		assertThat(start(consult)).isEqualTo(at(surgeryDay.minusDays(1), "10:00").toString());
	}

	@Test
	void aCascadeIsMadeOnlyOnTheVersionOfTheAppointmentTheCoordinatorSaw() {
		link().expectStatus().isCreated();
		String seen = etag(surgery);
		String body = "{\"start\": \"" + at(surgeryDay.plusDays(2), "09:00") + "\"}";

		http.post()
			.uri("/api/appointments/{id}/cascade-reschedule", surgery)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(428);
		String afterDryRun = http.post()
			.uri("/api/appointments/{id}/cascade-reschedule", surgery)
			.header(HttpHeaders.IF_MATCH, seen)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start\": \"" + at(surgeryDay.plusDays(2), "09:00") + "\", \"dryRun\": true}")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		assertThat(afterDryRun).isEqualTo(seen);
		cascade(surgery, at(surgeryDay.plusDays(2), "09:00"), false);
		assertThat(etag(surgery)).isNotEqualTo(seen);
		http.post()
			.uri("/api/appointments/{id}/cascade-reschedule", surgery)
			.header(HttpHeaders.IF_MATCH, seen)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version");
		assertThat(start(surgery)).isEqualTo(at(surgeryDay.plusDays(2), "09:00").toString());
	}

	@Test
	void aCascadeMovesTheWholeChainAtOnceAndAnnouncesEachMove() {
		link().expectStatus().isCreated();

		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			Map<String, Map<?, ?>> plan = cascade(surgery, at(surgeryDay.plusDays(2), "09:00"), false);

			for (UUID step : List.of(consult, surgery, followUp)) {
				assertThat(start(step)).isEqualTo(plan.get(step.toString()).get("toStart"));
				PublishedEvents.Received moved = events
					.await(r -> r.type().equals("scheduling.appointment.rescheduled.v1")
							&& r.key().equals(step.toString()));
				assertThat(moved.data().path("cascadeId").asString()).isNotBlank();
			}
			List<String> steps = List.of(consult.toString(), surgery.toString(), followUp.toString());
			assertThat(
					events.all(r -> r.type().equals("scheduling.appointment.rescheduled.v1") && steps.contains(r.key()))
						.stream()
						.map(r -> r.data().path("cascadeId").asString())
						.distinct())
				.hasSize(1);
			String cascade = cascadeOf(events, surgery);
			PublishedEvents.Received applied = events.await(r -> r.type().equals("scheduling.chain.cascade-applied.v1")
					&& r.data().path("cascadeId").asString().equals(cascade));
			assertThat(applied.key()).isEqualTo(applied.data().path("chainId").asString());
			assertThat(applied.data().path("moveId").isNull() || applied.data().path("moveId").isMissingNode())
				.as("a cascade no pathway asked for answers no move")
				.isTrue();
			assertThat(applied.data().path("movedAppointmentIds").size()).isEqualTo(3);
		}
	}

	private static String cascadeOf(PublishedEvents events, UUID appointment) {
		return events
			.await(r -> r.type().equals("scheduling.appointment.rescheduled.v1")
					&& r.key().equals(appointment.toString()))
			.data()
			.path("cascadeId")
			.asString();
	}

	@Test
	void whenNoPlanExistsTheAnswerNamesTheStepThatCannotMoveAndWhy() {
		link().expectStatus().isCreated();
		LocalDate weekAfter = surgeryDay.plusDays(7);
		http.post().uri("/api/schedules/{id}/exceptions", physio.id()).contentType(MediaType.APPLICATION_JSON).body("""
				{"kind": "UNAVAILABLE", "reason": "LEAVE", "start": "%sT00:00", "end": "%sT00:00"}
				""".formatted(weekAfter, weekAfter.plusDays(10))).exchange().expectStatus().isCreated();

		cascadeTo(surgery, at(surgeryDay.plusDays(2), "09:00")).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/cascade-impossible")
			.jsonPath("$.step")
			.isEqualTo(followUp.toString())
			.jsonPath("$.windowStart")
			.isEqualTo(at(surgeryDay.plusDays(8), "09:00").toString())
			.jsonPath("$.detail")
			.value(detail -> assertThat((String) detail).contains(followUp.toString())
				.contains("no free 30-minute slot"));

		assertThat(start(surgery)).isEqualTo(at(surgeryDay, "09:00").toString());
	}

	@Test
	void theMovedAppointmentMustBeFreeAtItsNewTime() {
		link().expectStatus().isCreated();
		fixtures.book(surgeon, fixtures.patient(), at(surgeryDay.plusDays(2), "09:00"), "surgery", "IN_PERSON");

		cascadeTo(surgery, at(surgeryDay.plusDays(2), "09:00")).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.step")
			.isEqualTo(surgery.toString());
	}

	@Test
	void aSlotTakenBetweenPlanningAndApplyingIsAConflictThatMovesNothing() {
		link().expectStatus().isCreated();
		// The planner looks at the patient's booked and checked-in appointments only; a
		// completed one where the plan puts the consult stands in for an appointment
		// booked
		// after the plan was made. The database still refuses the overlap.
		Practitioner gp = fixtures.practitioner();
		Instant taken = at(surgeryDay.plusDays(1), "09:00");
		jdbc.sql("""
				insert into booking (id, kind, status, practitioner_id, partner_id, patient_id, during, mode,
				                     appointment_type, version, created_at, updated_at)
				values (?, 'APPOINTMENT', 'COMPLETED', ?, ?, ?, tstzrange(?, ?), 'IN_PERSON', 'consultation', 0,
				        now(), now())
				""")
			.params(UUID.randomUUID(), gp.id(), gp.partnerId(), patient, java.sql.Timestamp.from(taken),
					java.sql.Timestamp.from(taken.plusSeconds(3600)))
			.update();

		cascadeTo(surgery, at(surgeryDay.plusDays(2), "09:00")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/cascade-conflict");

		assertThat(start(surgery)).isEqualTo(at(surgeryDay, "09:00").toString());
		assertThat(start(consult)).isEqualTo(at(surgeryDay.minusDays(1), "10:00").toString());
	}

	@Test
	void aChainWhoseRulesDoNotHoldIsRefused() {
		http.post()
			.uri("/api/appointments/chains")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"rules": [{"from": "%s", "to": "%s", "offset": "-P2D", "tolerance": "PT1H"}]}
					""".formatted(surgery, consult))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/chain-rule-broken");
	}

	@Test
	void aChainLinksOnePatientsAppointments() {
		UUID someoneElses = fixtures.book(surgeon, fixtures.patient(), at(surgeryDay.plusDays(1), "09:00"), "surgery",
				"IN_PERSON");

		http.post().uri("/api/appointments/chains").contentType(MediaType.APPLICATION_JSON).body("""
				{"rules": [{"from": "%s", "to": "%s", "offset": "-P1D", "tolerance": "PT12H"}]}
				""".formatted(someoneElses, surgery)).exchange().expectStatus().isEqualTo(422);
	}

	private RestTestClient.ResponseSpec link() {
		return http.post().uri("/api/appointments/chains").contentType(MediaType.APPLICATION_JSON).body("""
				{"rules": [{"from": "%s", "to": "%s", "offset": "-P1D", "tolerance": "PT12H"},
				           {"from": "%s", "to": "%s", "offset": "P7D", "tolerance": "P1D"}]}
				""".formatted(surgery, consult, surgery, followUp)).exchange();
	}

	private RestTestClient.ResponseSpec cascadeTo(UUID appointment, Instant start) {
		return http.post()
			.uri("/api/appointments/{id}/cascade-reschedule", appointment)
			.header(HttpHeaders.IF_MATCH, etag(appointment))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start\": \"" + start + "\"}")
			.exchange();
	}

	private Map<String, Map<?, ?>> cascade(UUID appointment, Instant start, boolean dryRun) {
		Map<?, ?> answer = okJson(http.post()
			.uri("/api/appointments/{id}/cascade-reschedule", appointment)
			.header(HttpHeaders.IF_MATCH, etag(appointment))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start\": \"" + start + "\", \"dryRun\": " + dryRun + "}"));
		assertThat(answer.get("applied")).isEqualTo(!dryRun);
		Map<String, Map<?, ?>> byAppointment = new java.util.HashMap<>();
		((List<?>) answer.get("plan"))
			.forEach(move -> byAppointment.put((String) ((Map<?, ?>) move).get("appointmentId"), (Map<?, ?>) move));
		return byAppointment;
	}

	private String etag(UUID appointment) {
		return fixtures.etag("/api/appointments/{id}", appointment);
	}

	private String start(UUID appointment) {
		return (String) http.get()
			.uri("/api/appointments/{id}", appointment)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("start");
	}

}
