package care.parcours.events;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.partner.PartnerRegistered;
import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.events.patient.PatientRegistered;

/** One realistic instance of every published event, for the contract tests. */
final class EventSamples {

	private static final UUID PARTNER = UUID.fromString("0b8f1d3e-7a47-4c1f-9d55-2f6f4d0e6a11");

	static final Map<Class<? extends DomainEvent>, DomainEvent> BY_TYPE = Map.of(PartnerRegistered.class,
			new PartnerRegistered(PARTNER, "CLINIC", "FR", "Lyon", "Europe/Paris", List.of("orthopaedics"),
					List.of("fr", "en", "ar")),
			PractitionerRegistered.class, new PractitionerRegistered(UUID.randomUUID(), PARTNER, "Europe/Paris",
					List.of("orthopaedics"), List.of("fr", "en")),
			PatientRegistered.class, new PatientRegistered(UUID.randomUUID()));

	private EventSamples() {
	}

}
