package care.parcours.partner.deliveries;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventCodec;
import care.parcours.events.partner.PractitionerUpdated;
import care.parcours.events.scheduling.AppointmentBooked;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookFanOutTests {

	private final EventCodec codec = new EventCodec("/parcours/test");

	@Test
	void anAppointmentConcernsItsPartnerAndReachesItWithoutThePatient() {
		UUID partner = UUID.randomUUID();
		UUID patient = UUID.randomUUID();
		AppointmentBooked booked = new AppointmentBooked(UUID.randomUUID(), UUID.randomUUID(), partner, patient,
				Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T08:30:00Z"), "IN_PERSON",
				"consultation", null);

		JsonNode data = WebhookFanOut.withheld(codec.toTree(booked));

		assertThat(WebhookFanOut.concerned(data)).containsExactly(partner);
		assertThat(data.has("patientId")).isFalse();
		assertThat(data.toString()).doesNotContain(patient.toString()).contains("appointmentId");
	}

	@Test
	void aPractitionerChangeConcernsEveryPartnerTheyWorkFor() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		PractitionerUpdated updated = new PractitionerUpdated(UUID.randomUUID(), java.util.List.of(first, second),
				"Europe/Paris", java.util.List.of("cardiology"), java.util.List.of("fr"));

		assertThat(WebhookFanOut.concerned(codec.toTree(updated))).containsExactly(first, second);
	}

}
