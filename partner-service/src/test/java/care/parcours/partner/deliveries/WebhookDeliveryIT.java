package care.parcours.partner.deliveries;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import care.parcours.events.DomainEvent;
import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.events.scheduling.AppointmentResource;
import care.parcours.partner.PartnerFixtures;
import care.parcours.partner.deliveries.WebhookReceiver.Behaviour;
import care.parcours.partner.deliveries.WebhookReceiver.Handled;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries to real HTTP receivers that fail, hang past the timeout and recover, fed by
 * events published on Kafka as scheduling-service publishes them.
 */
@ParcoursTest(properties = { "parcours.webhooks.allow-loopback=true", "parcours.webhooks.delivery.timeout=700ms",
		"parcours.webhooks.delivery.initial-backoff=50ms", "parcours.webhooks.delivery.max-backoff=400ms",
		"parcours.webhooks.delivery.max-attempts=8", "parcours.webhooks.delivery.circuit-open-for=400ms",
		"parcours.webhooks.delivery.circuit-minimum-calls=4", "parcours.webhooks.delivery.poll-interval=50ms",
		"parcours.webhooks.delivery.max-concurrency-per-endpoint=3" })
class WebhookDeliveryIT {

	private static final List<String> APPOINTMENT_TYPES = List.of("scheduling.appointment.booked.v1",
			"scheduling.appointment.rescheduled.v1", "scheduling.appointment.cancelled.v1");

	private static final Duration PATIENCE = Duration.ofSeconds(45);

	private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void throughFailuresTimeoutsAndRecoveryEveryEventIsHandledOnceInOrderAndSigned() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.start(); WebhookReceiver other = WebhookReceiver.start()) {
			UUID partner = partner();
			UUID otherPartner = partner();
			Endpoint endpoint = endpoint(partner, receiver, APPOINTMENT_TYPES);
			endpoint(otherPartner, other, APPOINTMENT_TYPES);
			receiver.script(Behaviour.FAIL, Behaviour.FAIL, Behaviour.FAIL, Behaviour.HANDLE_THEN_HANG,
					Behaviour.HANDLE_THEN_HANG, Behaviour.FAIL, Behaviour.HANDLE_THEN_HANG);
			UUID patient = UUID.randomUUID();
			List<UUID> appointments = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
					UUID.randomUUID(), UUID.randomUUID());

			for (int version = 0; version < 3; version++) {
				for (UUID appointment : appointments) {
					publish(lifecycle(appointment, partner, patient).get(version), appointment, version);
				}
			}
			UUID elsewhere = UUID.randomUUID();
			publish(lifecycle(elsewhere, otherPartner, patient).getFirst(), elsewhere, 0);
			publish(new AppointmentCompleted(appointments.getFirst(), UUID.randomUUID(), partner, patient, START, null),
					appointments.getFirst(), 3);

			await().atMost(PATIENCE).until(() -> receiver.handled().size() >= 15 && other.handled().size() == 1);
			await().atMost(PATIENCE).until(() -> pending(endpoint.id()) == 0);
			assertThat(other.handled()).extracting(Handled::subject).containsExactly(elsewhere.toString());

			List<Handled> handled = receiver.handled();
			assertThat(handled).hasSize(15);
			assertThat(handled).extracting(Handled::id).doesNotHaveDuplicates();
			assertThat(receiver.duplicates()).as("retries of messages handled before the receiver hung")
				.isGreaterThanOrEqualTo(3);
			assertThat(receiver.badSignatures()).isZero();
			Map<String, List<Long>> versionsByAppointment = handled.stream()
				.collect(Collectors.groupingBy(Handled::subject,
						Collectors.mapping(Handled::aggregateVersion, Collectors.toList())));
			assertThat(versionsByAppointment).hasSize(5)
				.containsOnlyKeys(appointments.stream().map(UUID::toString).toList())
				.allSatisfy((appointment, versions) -> assertThat(versions).containsExactly(0L, 1L, 2L));
			assertThat(handled).extracting(Handled::type).isSubsetOf(APPOINTMENT_TYPES);
			assertThat(handled).allSatisfy(message -> {
				assertThat(message.data().has("patientId")).isFalse();
				assertThat(message.body()).doesNotContain(patient.toString());
				assertThat(message.data().path("partnerId").asString()).isEqualTo(partner.toString());
			});
			Map<String, Long> attempts = attemptsByOutcome(endpoint.id());
			assertThat(attempts).containsKeys("REJECTED", "TIMED_OUT", "DELIVERED").containsEntry("DELIVERED", 15L);
			System.out.printf("Webhook delivery test: %d events handled once each, in order per aggregate; "
					+ "%d requests received, %d duplicates dropped by the receiver, %d bad signatures; attempts %s%n",
					handled.size(), receiver.receivedIds().size(), receiver.duplicates(), receiver.badSignatures(),
					attempts);
		}
	}

	@Test
	void aDeliveryThatKeepsFailingIsDeadLetteredAndReplayedWithItsIdOnceTheReceiverIsFixed() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			receiver.otherwise(Behaviour.FAIL);
			UUID partner = partner();
			Endpoint endpoint = endpoint(partner, receiver, APPOINTMENT_TYPES);
			UUID appointment = UUID.randomUUID();
			List<DomainEvent> lifecycle = lifecycle(appointment, partner, UUID.randomUUID());
			publish(lifecycle.get(0), appointment, 0);
			publish(lifecycle.get(2), appointment, 1);

			await().atMost(PATIENCE).until(() -> deliveries(endpoint, "?status=DEAD").size() == 2);
			List<String> failedIds = List.copyOf(receiver.receivedIds());
			// The gauge counts every endpoint's dead letters: other tests' may come and
			// go.
			await().untilAsserted(() -> assertThat(deadLettersGauge()).isEqualTo(deadLettersInTheDatabase())
				.isGreaterThanOrEqualTo(2));

			receiver.otherwise(Behaviour.OK);
			http.post()
				.uri("/api/partners/{p}/webhooks/{e}/dead-letters/replay", partner, endpoint.id())
				.exchange()
				.expectStatus()
				.isAccepted()
				.expectBody()
				.jsonPath("$.replayed")
				.isEqualTo(2);

			await().atMost(PATIENCE).until(() -> receiver.handled().size() == 2);
			assertThat(receiver.handled()).extracting(Handled::aggregateVersion).containsExactly(0L, 1L);
			assertThat(deliveries(endpoint, "?status=DEAD")).isEmpty();
			await().untilAsserted(() -> assertThat(deadLettersGauge()).isEqualTo(deadLettersInTheDatabase()));
			assertThat(failedIds).containsAll(receiver.handled().stream().map(Handled::id).toList());
			UUID first = UUID.fromString(receiver.handled().getFirst().id());
			http.get()
				.uri("/api/partners/{p}/webhooks/{e}/deliveries/{d}", partner, endpoint.id(), first)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.delivery.status")
				.isEqualTo("DELIVERED")
				.jsonPath("$.attempts.length()")
				.isEqualTo(9)
				.jsonPath("$.attempts[0].outcome")
				.isEqualTo("REJECTED")
				.jsonPath("$.attempts[0].statusCode")
				.isEqualTo(500)
				.jsonPath("$.attempts[8].outcome")
				.isEqualTo("DELIVERED");
			http.post()
				.uri("/api/partners/{p}/webhooks/{e}/deliveries/{d}/replay", partner, endpoint.id(), first)
				.exchange()
				.expectStatus()
				.isEqualTo(409);
		}
	}

	@Test
	void aSlowFailingPartnerNeitherDelaysTheOthersNorGetsMoreThanItsConcurrencyLimit() throws Exception {
		try (WebhookReceiver slow = WebhookReceiver.start(); WebhookReceiver fast = WebhookReceiver.start()) {
			slow.otherwise(Behaviour.STALL);
			UUID slowPartner = partner();
			UUID fastPartner = partner();
			endpoint(slowPartner, slow, APPOINTMENT_TYPES);
			endpoint(fastPartner, fast, APPOINTMENT_TYPES);

			for (int i = 0; i < 8; i++) {
				UUID forSlow = UUID.randomUUID();
				UUID forFast = UUID.randomUUID();
				publish(lifecycle(forSlow, slowPartner, UUID.randomUUID()).getFirst(), forSlow, 0);
				publish(lifecycle(forFast, fastPartner, UUID.randomUUID()).getFirst(), forFast, 0);
			}

			await().atMost(PATIENCE).until(() -> fast.handled().size() == 8);
			assertThat(slow.handled()).as("the slow partner has accepted nothing yet").isEmpty();
			assertThat(slow.receivedIds()).as("the slow partner was tried meanwhile").isNotEmpty();
			assertThat(slow.maxInFlight()).as("requests in flight to the slow partner at most").isBetween(1, 3);
			assertThat(fast.maxInFlight()).isBetween(1, 3);

			slow.otherwise(Behaviour.OK);
			slow.releaseHangs();
			await().atMost(PATIENCE).until(() -> slow.handled().size() == 8);
		}
	}

	@Test
	void aPartnersOwnChangesReachItsEndpoint() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			UUID partner = partner();
			endpoint(partner, receiver, List.of("partner.partner.updated.v1", "partner.practitioner.registered.v1"));

			http.put()
				.uri("/api/partners/{id}", partner)
				.header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("name", "Clinique rénovée", "country", "FR", "city", "Lyon", "specialties",
						List.of("orthopaedics"), "languages", List.of("fr")))
				.exchange()
				.expectStatus()
				.isOk();
			http.post()
				.uri("/api/partners/{id}/practitioners", partner)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("name", "Dr Amina Haddad", "specialties", List.of("orthopaedics"), "languages",
						List.of("fr", "ar")))
				.exchange()
				.expectStatus()
				.isCreated();

			await().atMost(PATIENCE).until(() -> receiver.handled().size() == 2);
			assertThat(receiver.handled()).extracting(Handled::type)
				.containsExactlyInAnyOrder("partner.partner.updated.v1", "partner.practitioner.registered.v1");
			assertThat(receiver.handled())
				.allSatisfy(message -> assertThat(message.body()).doesNotContain("Haddad").doesNotContain("rénovée"));
		}
	}

	@Test
	void anAppointmentReachesTheAgencyWhoseInterpreterItTakesOnceShowingItOnlyItsInterpreter() throws Exception {
		try (WebhookReceiver clinicReceiver = WebhookReceiver.start();
				WebhookReceiver agencyReceiver = WebhookReceiver.start()) {
			UUID clinic = partner();
			UUID agency = partner();
			Endpoint clinicEndpoint = endpoint(clinic, clinicReceiver, APPOINTMENT_TYPES);
			Endpoint agencyEndpoint = endpoint(agency, agencyReceiver, APPOINTMENT_TYPES);
			UUID appointment = UUID.randomUUID();
			UUID practitioner = UUID.randomUUID();
			UUID room = UUID.randomUUID();
			UUID interpreter = UUID.randomUUID();
			UUID secondInterpreter = UUID.randomUUID();
			AppointmentBooked booked = new AppointmentBooked(appointment, practitioner, clinic, UUID.randomUUID(),
					START, START.plusSeconds(7200), "IN_PERSON", "surgery", null, null)
				.withResources(List.of(new AppointmentResource("practitioner", practitioner, clinic),
						new AppointmentResource("interpreter", interpreter, agency),
						new AppointmentResource("room", room, clinic),
						new AppointmentResource("second-interpreter", secondInterpreter, agency)));

			publish(booked, appointment, 0);

			await().atMost(PATIENCE)
				.until(() -> clinicReceiver.handled().size() == 1 && agencyReceiver.handled().size() == 1);
			assertThat(deliveries(agencyEndpoint, "")).hasSize(1);
			assertThat(deliveries(clinicEndpoint, "")).hasSize(1);
			JsonNode seenByAgency = agencyReceiver.handled().getFirst().data();
			assertThat(seenByAgency.path("appointmentId").asString()).isEqualTo(appointment.toString());
			assertThat(seenByAgency.path("resources").findValuesAsString("resourceId"))
				.containsExactly(interpreter.toString(), secondInterpreter.toString());
			assertThat(clinicReceiver.handled().getFirst().data().path("resources").findValuesAsString("resourceId"))
				.containsExactly(practitioner.toString(), room.toString());
		}
	}

	private static List<DomainEvent> lifecycle(UUID appointment, UUID partner, UUID patient) {
		UUID practitioner = UUID.randomUUID();
		Instant end = START.plusSeconds(1800);
		return List.of(
				new AppointmentBooked(appointment, practitioner, partner, patient, START, end, "IN_PERSON",
						"consultation", null, null),
				new AppointmentRescheduled(appointment, practitioner, partner, patient, START, end,
						START.plusSeconds(86400), end.plusSeconds(86400), null, null),
				new AppointmentCancelled(appointment, practitioner, partner, patient, START.plusSeconds(86400),
						end.plusSeconds(86400), "PATIENT_REQUEST", null));
	}

	private double deadLettersGauge() {
		return meters.get("parcours.webhooks.dead_letters").gauge().value();
	}

	private double deadLettersInTheDatabase() {
		return jdbc.sql("select count(*) from webhook_delivery where status = 'DEAD'").query(Long.class).single();
	}

	private static void publish(DomainEvent event, UUID subject, long version) {
		TestEvents.publish(event, subject, version);
	}

	record Endpoint(UUID id, String secret) {

	}

	private Endpoint endpoint(UUID partner, WebhookReceiver receiver, List<String> types) {
		Endpoint endpoint = http.post()
			.uri("/api/partners/{id}/webhooks", partner)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("url", receiver.url(), "eventTypes", types))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Endpoint.class)
			.returnResult()
			.getResponseBody();
		receiver.verifyWith(endpoint.secret());
		return endpoint;
	}

	private UUID partner() {
		return PartnerFixtures.clinic(http);
	}

	record Deliveries(List<Delivery> content) {

	}

	private List<Delivery> deliveries(Endpoint endpoint, String query) {
		UUID partner = jdbc.sql("select partner_id from webhook_endpoint where id = ?")
			.param(endpoint.id())
			.query(UUID.class)
			.single();
		return http.get()
			.uri("/api/partners/{p}/webhooks/{e}/deliveries" + query, partner, endpoint.id())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Deliveries.class)
			.returnResult()
			.getResponseBody()
			.content();
	}

	private long pending(UUID endpoint) {
		return jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ? and status <> 'DELIVERED'")
			.param(endpoint)
			.query(Long.class)
			.single();
	}

	private Map<String, Long> attemptsByOutcome(UUID endpoint) {
		return jdbc.sql("""
				select a.outcome, count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id
				where d.endpoint_id = ? group by a.outcome
				""")
			.param(endpoint)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
