package care.parcours.partner.deliveries;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventCodec;
import care.parcours.events.partner.PractitionerUpdated;
import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentResource;
import care.parcours.events.scheduling.CascadeApplied;
import care.parcours.events.scheduling.CascadeRefused;
import care.parcours.partner.webhooks.SubscribableEvents;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventSubscriber;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookFanOutTests {

	private final EventCodec codec = new EventCodec("/parcours/test");

	@Test
	void anAppointmentConcernsItsPartnerAndReachesItWithoutThePatient() {
		UUID partner = UUID.randomUUID();
		UUID patient = UUID.randomUUID();
		AppointmentBooked booked = new AppointmentBooked(UUID.randomUUID(), UUID.randomUUID(), partner, patient,
				Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T08:30:00Z"), "IN_PERSON",
				"consultation", null, null);
		Audience audience = Audience.of(AppointmentBooked.class);

		JsonNode data = WebhookFanOut.data(codec, booked, audience);

		assertThat(audience.partnersOf(booked)).containsExactly(partner);
		assertThat(data.has("patientId")).isFalse();
		assertThat(data.toString()).doesNotContain(patient.toString()).contains("appointmentId");
		assertThat(data.path("partnerId").asString()).isEqualTo(partner.toString());
	}

	@Test
	void anAppointmentConcernsEveryPartnerWhoseResourceItTakesOnceAndShowsEachOnlyItsOwn() {
		UUID clinic = UUID.randomUUID();
		UUID agency = UUID.randomUUID();
		UUID practitioner = UUID.randomUUID();
		UUID room = UUID.randomUUID();
		UUID interpreter = UUID.randomUUID();
		AppointmentBooked booked = booked(clinic)
			.withResources(List.of(new AppointmentResource("practitioner", practitioner, clinic),
					new AppointmentResource("interpreter", interpreter, agency),
					new AppointmentResource("room", room, clinic),
					new AppointmentResource("unknown", UUID.randomUUID(), null)));
		Audience audience = Audience.of(AppointmentBooked.class);
		ObjectNode data = WebhookFanOut.data(codec, booked, audience);

		assertThat(audience.partnersOf(booked)).containsExactly(clinic, agency);
		assertThat(audience.seenDifferently(booked)).isTrue();
		assertThat(WebhookFanOut.seenBy(data, audience, agency).path("resources").findValuesAsString("resourceId"))
			.containsExactly(interpreter.toString());
		assertThat(WebhookFanOut.seenBy(data, audience, clinic).path("resources").findValuesAsString("resourceId"))
			.containsExactly(practitioner.toString(), room.toString());
		assertThat(data.path("resources")).as("the event's data is left whole").hasSize(4);
	}

	@Test
	void anAppointmentPublishedBeforeResourcesWereNamedConcernsItsPartnerAlone() {
		UUID clinic = UUID.randomUUID();
		AppointmentBooked booked = booked(clinic);
		Audience audience = Audience.of(AppointmentBooked.class);

		assertThat(audience.partnersOf(booked)).containsExactly(clinic);
		assertThat(audience.seenDifferently(booked)).isFalse();
		assertThat(WebhookFanOut.data(codec, booked, audience).path("resources").isNull()).isTrue();
	}

	private static AppointmentBooked booked(UUID partner) {
		return new AppointmentBooked(UUID.randomUUID(), UUID.randomUUID(), partner, UUID.randomUUID(),
				Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"), "IN_PERSON", "surgery",
				null, null);
	}

	@Test
	void aPractitionerChangeConcernsEveryPartnerTheyWorkFor() {
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		PractitionerUpdated updated = new PractitionerUpdated(UUID.randomUUID(), List.of(first, second), "Europe/Paris",
				List.of("cardiology"), List.of("fr"));

		assertThat(Audience.of(PractitionerUpdated.class).partnersOf(updated)).containsExactly(first, second);
	}

	@Test
	void everySubscribableEventTypeIsFedToTheWebhooksAndNamesThePartnersItConcerns() {
		List<Class<?>> fed = new ArrayList<>();
		// Subscribing needs none of the fan-out's collaborators.
		new WebhookFanOut(null, null, null, null).subscribe(new EventSubscriber.Subscriptions() {
			@Override
			public <T extends DomainEvent> EventSubscriber.Subscriptions on(Class<T> type, EventHandler<T> handler) {
				fed.add(type);
				return this;
			}
		});

		assertThat(fed).containsExactlyInAnyOrderElementsOf(SubscribableEvents.all());
		assertThat(SubscribableEvents.all()).allSatisfy(type -> assertThat(Audience.of(type).partners()).isNotEmpty());
	}

	@Test
	void schedulingAnswersToAPathwayMoveAreNotOfferedToPartners() {
		assertThat(SubscribableEvents.includes("scheduling.chain.cascade-applied.v1")).isFalse();
		assertThat(SubscribableEvents.includes("scheduling.chain.cascade-refused.v1")).isFalse();
		assertThat(SubscribableEvents.includes("scheduling.appointment.rescheduled.v1")).isTrue();
		assertThat(SubscribableEvents.all()).doesNotContain(CascadeApplied.class, CascadeRefused.class);
	}

	@Test
	void anEventThatNamesNoPartnerCannotBeFed() {
		assertThatIllegalArgumentException().isThrownBy(() -> Audience.of(AboutNoPartner.class))
			.withMessageContaining("names no partner");
	}

	private record AboutNoPartner(UUID practitionerId, UUID partner) implements DomainEvent {

	}

}
