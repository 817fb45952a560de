package care.parcours.scheduling.chains;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import care.parcours.events.EventEnvelope;
import care.parcours.events.patient.PathwayMoveRequested;
import care.parcours.events.patient.PathwayMoveRequested.Link;
import care.parcours.events.patient.PatientEvent;
import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import care.parcours.test.TestEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static care.parcours.scheduling.SchedulingFixtures.createdId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hip replacement pathway in patient-service: pre-op consult the day before surgery
 * (give or take 12 hours), follow-up a week after (give or take a day), each booked for
 * its step. The patient's flight slips two days and the coordinator moves the pathway:
 * patient-service asks scheduling to move the surgery, and scheduling answers with the
 * whole chain moved or the appointment that cannot move.
 */
@ParcoursTest
class PathwayMoveIT extends HipReplacementPathway {

	private static final String APPLIED = "scheduling.chain.cascade-applied.v1";

	private static final String REFUSED = "scheduling.chain.cascade-refused.v1";

	@Autowired
	MeterRegistry meters;

	UUID pathway = UUID.randomUUID();

	Map<UUID, UUID> steps = new java.util.HashMap<>();

	@Test
	void aMovedPathwayIsLinkedAsItsChainAndMovesWholeWithinItsRules() {
		UUID move = UUID.randomUUID();
		Instant newSurgery = at(surgeryDay.plusDays(2), "09:00");
		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			request(move, newSurgery, links("PT12H"));

			PublishedEvents.Received applied = events.await(answering(APPLIED, move));
			assertThat(ids(applied.data().path("movedAppointmentIds"))).containsExactlyInAnyOrder(consult, surgery,
					followUp);
			UUID chain = UUID.fromString(applied.data().path("chainId").asString());
			assertThat(applied.envelope().path("subject").asString()).isEqualTo(chain.toString());
			assertThat(applied.envelope().path("aggregateVersion").asLong()).isOne();
			assertThat(applied.envelope().path("pathwayId").asString()).isEqualTo(pathway.toString());

			assertThat(start(surgery)).isEqualTo(newSurgery);
			assertThat(Duration.between(start(surgery).minus(Duration.ofDays(1)), start(consult)).abs())
				.isLessThanOrEqualTo(Duration.ofHours(12));
			assertThat(Duration.between(start(surgery).plus(Duration.ofDays(7)), start(followUp)).abs())
				.isLessThanOrEqualTo(Duration.ofDays(1));
			for (UUID appointment : List.of(consult, surgery, followUp)) {
				PublishedEvents.Received rescheduled = events
					.await(about(appointment, "scheduling.appointment.rescheduled.v1"));
				assertThat(rescheduled.data().path("cascadeId").asString())
					.isEqualTo(applied.data().path("cascadeId").asString());
				assertThat(rescheduled.data().path("stepId").asString()).isEqualTo(steps.get(appointment).toString());
				assertThat(rescheduled.envelope().path("pathwayId").asString()).isEqualTo(pathway.toString());
				assertThat(appointment(appointment)).containsEntry("chainId", chain.toString());
			}
			http.get()
				.uri("/api/appointments/chains/{id}", chain)
				.exchange()
				.expectBody()
				.jsonPath("$.pathwayId")
				.isEqualTo(pathway.toString())
				.jsonPath("$.rules.length()")
				.isEqualTo(2);
		}
	}

	@Test
	void aMoveThatCannotBeMadeNamesTheAppointmentThatCannotMoveAndMovesNothing() {
		LocalDate weekAfter = surgeryDay.plusDays(7);
		http.post().uri("/api/schedules/{id}/exceptions", physio.id()).contentType(MediaType.APPLICATION_JSON).body("""
				{"kind": "UNAVAILABLE", "reason": "LEAVE", "start": "%sT00:00", "end": "%sT00:00"}
				""".formatted(weekAfter, weekAfter.plusDays(10))).exchange().expectStatus().isCreated();
		UUID move = UUID.randomUUID();

		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			request(move, at(surgeryDay.plusDays(2), "09:00"), links("PT12H"));

			PublishedEvents.Received refused = events.await(answering(REFUSED, move));
			assertThat(refused.data().path("appointmentId").asString()).isEqualTo(followUp.toString());
			assertThat(refused.data().path("reason").asString()).isEqualTo("NO_SLOT");
			assertThat(refused.envelope().path("subject").asString()).isEqualTo(move.toString());
			assertThat(refused.envelope().path("pathwayId").asString()).isEqualTo(pathway.toString());
		}
		assertNothingMoved();
	}

	@Test
	void aMoveNamingAnUnknownAnotherPatientsOrAnUnbookedAppointmentOrBadLinksIsRefusedNamingIt() {
		UUID unknown = UUID.randomUUID();
		UUID someoneElses = fixtures.book(surgeon, fixtures.patient(), at(surgeryDay.plusDays(1), "09:00"), "surgery",
				"IN_PERSON");
		UUID cancelled = book(physio, at(surgeryDay.plusDays(8), "10:00"), "consultation");
		http.post()
			.uri("/api/appointments/{id}/cancel", cancelled)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\": \"PATIENT_REQUEST\"}")
			.exchange()
			.expectStatus()
			.isOk();
		Map<UUID, List<Link>> refusedMoves = new java.util.LinkedHashMap<>();
		refusedMoves.put(unknown, List.of(new Link(surgery, unknown, "P7D", "P1D")));
		refusedMoves.put(someoneElses, List.of(new Link(surgery, someoneElses, "P1D", "PT1H")));
		refusedMoves.put(cancelled, List.of(new Link(surgery, cancelled, "P8D", "PT1H")));
		refusedMoves.put(consult, List.of(new Link(surgery, consult, "the day before", "PT12H")));
		List<String> reasons = new ArrayList<>();

		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			for (Map.Entry<UUID, List<Link>> refusedMove : refusedMoves.entrySet()) {
				UUID move = UUID.randomUUID();
				request(move, at(surgeryDay.plusDays(2), "09:00"), refusedMove.getValue());

				PublishedEvents.Received refused = events.await(answering(REFUSED, move));
				assertThat(refused.data().path("appointmentId").asString()).isEqualTo(refusedMove.getKey().toString());
				reasons.add(refused.data().path("reason").asString());
			}
		}

		assertThat(reasons).containsExactly("NOT_FOUND", "OTHER_PATIENT", "NOT_BOOKED", "INVALID_LINKS");
		assertNothingMoved();
	}

	@Test
	void aMoveDeliveredAgainOrPublishedAgainUnderAnotherEventIdIsAppliedOnce() {
		UUID move = UUID.randomUUID();
		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			EventEnvelope first = request(move, at(surgeryDay.plusDays(2), "09:00"), links("PT12H"));
			UUID chain = UUID.fromString(events.await(answering(APPLIED, move)).data().path("chainId").asString());
			Map<UUID, Object> versions = versions();
			double duplicates = duplicates();

			TestEvents.redeliver(first, PatientEvent.class);
			EventEnvelope again = request(move, at(surgeryDay.plusDays(2), "09:00"), links("PT12H"));

			await().until(() -> duplicates() == duplicates + 1 && handled(again.id()));
			assertThat(versions()).isEqualTo(versions);
			assertThat(chainVersion(chain)).isOne();

			// The pathway moves again, its rules changed: the same chain moves, and its
			// answer comes after any answer the repeated move could have had.
			UUID next = UUID.randomUUID();
			request(next, at(surgeryDay.plusDays(1), "09:00"), links("PT18H"));
			PublishedEvents.Received moved = events.await(answering(APPLIED, next));
			assertThat(moved.data().path("chainId").asString()).isEqualTo(chain.toString());
			assertThat(moved.envelope().path("aggregateVersion").asLong()).isEqualTo(3);
			assertThat(events.all(answering(APPLIED, move))).hasSize(1);
			assertThat(events.all(answering(REFUSED, move))).isEmpty();
			assertThat(start(surgery)).isEqualTo(at(surgeryDay.plusDays(1), "09:00"));
			http.get()
				.uri("/api/appointments/chains/{id}", chain)
				.exchange()
				.expectBody()
				.jsonPath("$.rules[?(@.to == '" + consult + "')].tolerance")
				.isEqualTo(List.of("PT18H"));
		}
	}

	@Test
	void aStepRebookedUnderAnotherAppointmentTakesItsPlaceInThePathwaysChain() {
		try (PublishedEvents events = PublishedEvents.on(SchedulingEvent.TOPIC)) {
			UUID first = UUID.randomUUID();
			request(first, at(surgeryDay.plusDays(2), "09:00"), links("PT12H"));
			UUID chain = UUID.fromString(events.await(answering(APPLIED, first)).data().path("chainId").asString());
			http.post()
				.uri("/api/appointments/{id}/cancel", followUp)
				.header("If-Match", fixtures.etag("/api/appointments/{id}", followUp))
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"reason\": \"PRACTITIONER_UNAVAILABLE\"}")
				.exchange()
				.expectStatus()
				.isOk();
			UUID rebooked = book(physio, at(surgeryDay.plusDays(9), "14:00"), "consultation", steps.get(followUp));

			UUID second = UUID.randomUUID();
			request(second, at(surgeryDay.plusDays(1), "09:00"),
					List.of(new Link(surgery, consult, "-P1D", "PT12H"), new Link(surgery, rebooked, "P7D", "P1D")));

			PublishedEvents.Received applied = events.await(answering(APPLIED, second));
			assertThat(applied.data().path("chainId").asString()).isEqualTo(chain.toString());
			assertThat(ids(applied.data().path("movedAppointmentIds"))).contains(surgery, rebooked);
			assertThat(appointment(rebooked)).containsEntry("chainId", chain.toString());
			assertThat(appointment(followUp)).doesNotContainKey("chainId").containsEntry("status", "CANCELLED");
			assertThat(Duration.between(start(surgery).plus(Duration.ofDays(7)), start(rebooked)).abs())
				.isLessThanOrEqualTo(Duration.ofDays(1));
		}
	}

	private EventEnvelope request(UUID move, Instant rootStart, List<Link> links) {
		return TestEvents.publish(new PathwayMoveRequested(pathway, move, patient, surgery, rootStart, links), pathway,
				1);
	}

	private List<Link> links(String consultTolerance) {
		return List.of(new Link(surgery, consult, "-P1D", consultTolerance), new Link(surgery, followUp, "P7D", "P1D"));
	}

	@Override
	UUID book(Practitioner practitioner, Instant start, String type) {
		return book(practitioner, start, type, UUID.randomUUID());
	}

	private UUID book(Practitioner practitioner, Instant start, String type, UUID step) {
		UUID id = createdId(http.post().uri("/api/appointments").contentType(MediaType.APPLICATION_JSON).body("""
				{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "%s",
				 "mode": "IN_PERSON", "pathwayId": "%s", "stepId": "%s"}
				""".formatted(practitioner.id(), patient, start, type, pathway, step)).exchange());
		steps.put(id, step);
		return id;
	}

	private void assertNothingMoved() {
		assertThat(start(consult)).isEqualTo(at(surgeryDay.minusDays(1), "10:00"));
		assertThat(start(surgery)).isEqualTo(at(surgeryDay, "09:00"));
		assertThat(start(followUp)).isEqualTo(at(surgeryDay.plusDays(7), "10:00"));
		for (UUID appointment : List.of(consult, surgery, followUp)) {
			assertThat(appointment(appointment)).containsEntry("version", 0).doesNotContainKey("chainId");
		}
	}

	private Map<UUID, Object> versions() {
		Map<UUID, Object> versions = new java.util.HashMap<>();
		for (UUID appointment : List.of(consult, surgery, followUp)) {
			versions.put(appointment, appointment(appointment).get("version"));
		}
		return versions;
	}

	private long chainVersion(UUID chain) {
		return jdbc.sql("select version from appointment_chain where id = ?").param(chain).query(Long.class).single();
	}

	private boolean handled(String eventId) {
		return jdbc.sql("select count(*) from parcours_platform.handled_event where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

	private double duplicates() {
		Counter counter = meters.find("parcours.events.consumed")
			.tag("type", "patient.pathway.move-requested.v1")
			.tag("outcome", "duplicate")
			.counter();
		return counter == null ? 0 : counter.count();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> appointment(UUID id) {
		return http.get()
			.uri("/api/appointments/{id}", id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private Instant start(UUID appointment) {
		return Instant.parse((String) appointment(appointment).get("start"));
	}

	private static List<UUID> ids(tools.jackson.databind.JsonNode array) {
		List<UUID> ids = new ArrayList<>();
		array.forEach(id -> ids.add(UUID.fromString(id.asString())));
		return ids;
	}

	private static Predicate<PublishedEvents.Received> answering(String type, UUID move) {
		return PublishedEvents.ofType(type).and(r -> r.data().path("moveId").asString().equals(move.toString()));
	}

	private static Predicate<PublishedEvents.Received> about(UUID subject, String type) {
		return PublishedEvents.about(subject.toString()).and(PublishedEvents.ofType(type));
	}

}
