package care.parcours.scheduling.schedules;

import java.util.List;
import java.util.UUID;

import care.parcours.events.EventEnvelope;
import care.parcours.events.partner.PartnerEvent;
import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ParcoursTest
class ScheduleOpeningIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void aPractitionerAnnouncedByPartnerServiceGetsAScheduleInThePartnersZone() {
		UUID practitioner = UUID.randomUUID();
		UUID partner = UUID.randomUUID();
		http.get().uri("/api/schedules/{id}", practitioner).exchange().expectStatus().isNotFound();

		TestEvents.publish(new PractitionerRegistered(practitioner, partner, "Europe/Brussels", List.of("cardiology"),
				List.of("nl", "fr")), practitioner, 0);

		await().untilAsserted(() -> http.get()
			.uri("/api/schedules/{id}", practitioner)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.practitionerId")
			.isEqualTo(practitioner.toString())
			.jsonPath("$.partnerId")
			.isEqualTo(partner.toString())
			.jsonPath("$.timeZone")
			.isEqualTo("Europe/Brussels")
			.jsonPath("$.languages")
			.isEqualTo(List.of("nl", "fr")));
	}

	@Test
	void aRedeliveredAnnouncementOpensOneSchedule() {
		UUID practitioner = UUID.randomUUID();
		double duplicatesBefore = duplicates();
		EventEnvelope announcement = TestEvents.publish(new PractitionerRegistered(practitioner, UUID.randomUUID(),
				"Europe/Paris", List.of("oncology"), List.of("fr")), practitioner, 0);

		TestEvents.redeliver(announcement, PartnerEvent.class);

		await().untilAsserted(() -> assertThat(duplicates()).isEqualTo(duplicatesBefore + 1));
		assertThat(jdbc.sql("select count(*) from schedule where practitioner_id = ?")
			.param(practitioner)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anUnknownPractitionerHasNoScheduleProblem() {
		http.get()
			.uri("/api/schedules/{id}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/schedule-not-found");
	}

	private double duplicates() {
		var counter = meters.find("parcours.events.consumed")
			.tag("type", "partner.practitioner.registered.v1")
			.tag("outcome", "duplicate")
			.counter();
		return counter == null ? 0 : counter.count();
	}

}
