package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.EventCodec;
import care.parcours.events.EventEnvelope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resources named by scheduling's appointment and hold events are optional: an event
 * published before they were named reads without them, and one naming them reads them
 * back.
 */
class AppointmentResourcesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EventCodec codec = new EventCodec("/parcours/tests");

	private final AppointmentBooked booked = new AppointmentBooked(UUID.randomUUID(), UUID.randomUUID(),
			UUID.randomUUID(), UUID.randomUUID(), Instant.parse("2026-12-01T09:00:00Z"),
			Instant.parse("2026-12-01T11:00:00Z"), "IN_PERSON", "surgery", null, null);

	@Test
	void anEventPublishedBeforeResourcesWereNamedReadsWithoutThem() {
		ObjectNode wire = (ObjectNode) JSON.readTree(codec.write(envelope(booked)));
		((ObjectNode) wire.get("data")).remove("resources");
		assertThat(wire.get("data").has("resources")).isFalse();

		AppointmentBooked read = codec.payload(codec.read(wire.toString()), AppointmentBooked.class);

		assertThat(read.resources()).isNull();
		assertThat(read).isEqualTo(booked);
	}

	@Test
	void anEventNamingItsResourcesReadsThemBackInOrder() {
		UUID agency = UUID.randomUUID();
		AppointmentBooked named = booked
			.withResources(List.of(new AppointmentResource("practitioner", booked.practitionerId(), booked.partnerId()),
					new AppointmentResource("interpreter", UUID.randomUUID(), agency),
					new AppointmentResource("room", UUID.randomUUID(), null)));

		AppointmentBooked read = codec.payload(codec.read(codec.write(envelope(named))), AppointmentBooked.class);

		assertThat(read.resources()).extracting(AppointmentResource::role)
			.containsExactly("practitioner", "interpreter", "room");
		assertThat(read).isEqualTo(named);
	}

	private EventEnvelope envelope(AppointmentBooked event) {
		return codec.envelope(event, event.appointmentId().toString(), 0, Instant.parse("2026-11-23T09:00:00Z"),
				"corr-1", null);
	}

}
