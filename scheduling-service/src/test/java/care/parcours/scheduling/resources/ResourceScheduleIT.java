package care.parcours.scheduling.resources;

import java.util.List;
import java.util.UUID;

import care.parcours.events.EventEnvelope;
import care.parcours.events.partner.PartnerEvent;
import care.parcours.events.partner.ResourceRegistered;
import care.parcours.events.partner.ResourceRetired;
import care.parcours.events.partner.ResourceUpdated;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ParcoursTest
class ResourceScheduleIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anInterpreterAnnouncedByPartnerServiceGetsAScheduleThatOnlyItsPartnerAmongPartnersSees() {
		UUID interpreter = UUID.randomUUID();
		UUID agency = UUID.randomUUID();
		http.get().uri("/api/schedules/resources/{id}", interpreter).exchange().expectStatus().isNotFound();

		TestEvents.publish(new ResourceRegistered(interpreter, agency, "INTERPRETER", "Europe/Brussels", List.of(),
				List.of("ar", "nl")), interpreter, 0);

		await().untilAsserted(() -> http.get()
			.uri("/api/schedules/resources/{id}", interpreter)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("INTERPRETER")
			.jsonPath("$.partnerId")
			.isEqualTo(agency.toString())
			.jsonPath("$.timeZone")
			.isEqualTo("Europe/Brussels")
			.jsonPath("$.languages")
			.isEqualTo(List.of("ar", "nl")));
		http.get()
			.uri("/api/schedules/resources/{id}", interpreter)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.partner(agency).bearer())
			.exchange()
			.expectStatus()
			.isOk();
		http.get()
			.uri("/api/schedules/resources/{id}", interpreter)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.partner(UUID.randomUUID()).bearer())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/resource-schedule-not-found");
	}

	@Test
	void aLateRedeliveryNeverUndoesANewerChangeAndRetirementSticks() {
		UUID room = UUID.randomUUID();
		UUID clinic = UUID.randomUUID();
		EventEnvelope registration = TestEvents.publish(new ResourceRegistered(room, clinic, "OPERATING_ROOM",
				"Europe/Paris", List.of("orthopaedics"), List.of()), room, 0);
		TestEvents.publish(new ResourceUpdated(room, clinic, "OPERATING_ROOM", "Europe/Paris",
				List.of("orthopaedics", "oncology"), List.of()), room, 1);
		TestEvents.publish(new ResourceRetired(room, clinic), room, 2);
		await().untilAsserted(() -> assertThat(retired(room)).isTrue());

		TestEvents.redeliver(registration, PartnerEvent.class);
		TestEvents.publish(
				new ResourceUpdated(room, clinic, "OPERATING_ROOM", "Europe/Paris", List.of("cardiology"), List.of()),
				room, 1);
		// Same key, so handled after the two above: once it is applied, they were too.
		TestEvents.publish(new ResourceRetired(room, clinic), room, 3);
		await().untilAsserted(() -> assertThat(sourceVersion(room)).isEqualTo(3));

		http.get()
			.uri("/api/schedules/resources/{id}", room)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.specialties")
			.isEqualTo(List.of("orthopaedics", "oncology"))
			.jsonPath("$.retired")
			.isEqualTo(true);
		assertThat(count(room)).isOne();
	}

	@Test
	void anUpdateWhoseRegistrationWasNeverSeenStillOpensTheSchedule() {
		UUID bed = UUID.randomUUID();

		TestEvents.publish(
				new ResourceUpdated(bed, UUID.randomUUID(), "RECOVERY_BED", "Europe/Paris", List.of(), List.of()), bed,
				3);

		await().untilAsserted(() -> http.get()
			.uri("/api/schedules/resources/{id}", bed)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("RECOVERY_BED"));
	}

	@Test
	void aPractitionerAnnouncedAsAResourceIsIgnoredNotMixedWithRooms() {
		UUID practitioner = UUID.randomUUID();
		UUID clinic = UUID.randomUUID();

		EventEnvelope registered = TestEvents.publish(new ResourceRegistered(practitioner, clinic, "PRACTITIONER",
				"Europe/Paris", List.of("anaesthesiology"), List.of("fr")), practitioner, 0);
		EventEnvelope updated = TestEvents.publish(new ResourceUpdated(practitioner, clinic, "PRACTITIONER",
				"Europe/Paris", List.of("anaesthesiology"), List.of("fr")), practitioner, 1);

		await().until(() -> handled(registered.id()) && handled(updated.id()));
		assertThat(count(practitioner)).isZero();
		http.get().uri("/api/schedules/resources/{id}", practitioner).exchange().expectStatus().isNotFound();
	}

	private boolean handled(String eventId) {
		return jdbc.sql("select count(*) from parcours_platform.handled_event where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

	private boolean retired(UUID id) {
		return jdbc.sql("select coalesce(bool_or(retired), false) from resource where id = ?")
			.param(id)
			.query(Boolean.class)
			.single();
	}

	private long sourceVersion(UUID id) {
		return jdbc.sql("select source_version from resource where id = ?").param(id).query(Long.class).single();
	}

	private long count(UUID id) {
		return jdbc.sql("select count(*) from resource where id = ?").param(id).query(Long.class).single();
	}

}
