package care.parcours.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.auth.PartnerClientIssued;
import care.parcours.events.auth.PartnerClientRevoked;
import care.parcours.events.auth.SessionEnded;
import care.parcours.events.partner.PartnerActivated;
import care.parcours.events.partner.PartnerRegistered;
import care.parcours.events.partner.PartnerSuspended;
import care.parcours.events.partner.PartnerUpdated;
import care.parcours.events.partner.PractitionerJoinedPartner;
import care.parcours.events.partner.PractitionerLeftPartner;
import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.events.partner.PractitionerUpdated;
import care.parcours.events.patient.ConsentGranted;
import care.parcours.events.patient.ConsentWithdrawn;
import care.parcours.events.patient.PatientErased;
import care.parcours.events.patient.PatientRegistered;
import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentCheckedIn;
import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.events.scheduling.AppointmentNoShowRecorded;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.events.scheduling.SlotHeld;
import care.parcours.events.scheduling.SlotReleased;
import care.parcours.events.scheduling.WaitlistOfferMade;

import static java.util.Map.entry;

/** One realistic instance of every published event, for the contract tests. */
final class EventSamples {

	private static final UUID PARTNER = UUID.fromString("0b8f1d3e-7a47-4c1f-9d55-2f6f4d0e6a11");

	private static final UUID PRACTITIONER = UUID.fromString("5d1c7a3b-2f0e-4e8a-b1a4-6c2d9e8f7a01");

	private static final UUID PATIENT = UUID.fromString("9e4b2c1d-8a7f-4b3e-a2d1-0c9b8a7f6e55");

	private static final UUID APPOINTMENT = UUID.fromString("3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d");

	private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

	private static final Instant END = Instant.parse("2026-12-01T08:30:00Z");

	static final Map<Class<? extends DomainEvent>, DomainEvent> BY_TYPE = Map.ofEntries(
			entry(PartnerRegistered.class,
					new PartnerRegistered(PARTNER, "CLINIC", "FR", "Lyon", "Europe/Paris", List.of("orthopaedics"),
							List.of("fr", "en", "ar"))),
			entry(PractitionerRegistered.class,
					new PractitionerRegistered(
							PRACTITIONER, PARTNER, "Europe/Paris", List.of("orthopaedics"), List.of("fr", "en"))),
			entry(PatientRegistered.class, new PatientRegistered(PATIENT)),
			entry(ConsentGranted.class,
					new ConsentGranted(UUID.fromString("7c6b5a49-3827-4160-9f8e-7d6c5b4a3928"), PATIENT,
							"SHARING_WITH_PARTNER", PARTNER, START.minusSeconds(86400), START.minusSeconds(86400))),
			entry(ConsentWithdrawn.class,
					new ConsentWithdrawn(UUID.fromString("7c6b5a49-3827-4160-9f8e-7d6c5b4a3928"), PATIENT, "RESEARCH",
							null, START.minusSeconds(86400), START)),
			entry(PatientErased.class, new PatientErased(PATIENT, Instant.parse("2026-12-07T09:30:00Z"))),
			entry(PartnerClientIssued.class,
					new PartnerClientIssued("partner-3f9a1c2b7d4e5f60", PARTNER,
							List.of("partner.availability.write", "partner.appointments.read"))),
			entry(PartnerClientRevoked.class,
					new PartnerClientRevoked("partner-3f9a1c2b7d4e5f60", PARTNER,
							Instant.parse("2026-11-23T10:00:00Z"))),
			entry(SessionEnded.class,
					new SessionEnded("3b0f6c1e-9a7d-4c2e-8f51-2d6a9e4b7c10", Instant.parse("2026-11-23T10:05:00Z"),
							SessionEnded.LOGGED_OUT)),
			entry(PartnerUpdated.class,
					new PartnerUpdated(PARTNER, "CLINIC", "FR", "Lyon", "Europe/Paris",
							List.of("orthopaedics", "cardiology"), List.of("fr", "en"))),
			entry(PartnerActivated.class, new PartnerActivated(PARTNER)),
			entry(PartnerSuspended.class, new PartnerSuspended(PARTNER)),
			entry(PractitionerUpdated.class,
					new PractitionerUpdated(PRACTITIONER, List.of(PARTNER), "Europe/Paris", List.of("orthopaedics"),
							List.of("fr", "ar"))),
			entry(PractitionerJoinedPartner.class, new PractitionerJoinedPartner(PRACTITIONER, PARTNER)),
			entry(PractitionerLeftPartner.class, new PractitionerLeftPartner(PRACTITIONER, PARTNER)),
			entry(SlotHeld.class,
					new SlotHeld(UUID.randomUUID(), PRACTITIONER, PARTNER, PATIENT, START, END, "IN_PERSON",
							"consultation", START.minusSeconds(3600))),
			entry(SlotReleased.class,
					new SlotReleased(UUID.randomUUID(), PRACTITIONER, PARTNER, START, END, "EXPIRED")),
			entry(AppointmentBooked.class,
					new AppointmentBooked(APPOINTMENT, PRACTITIONER, PARTNER, PATIENT, START, END, "TELECONSULTATION",
							"consultation", null)),
			entry(AppointmentCancelled.class,
					new AppointmentCancelled(APPOINTMENT, PRACTITIONER, PARTNER, PATIENT, START, END,
							"PATIENT_REQUEST")),
			entry(AppointmentRescheduled.class,
					new AppointmentRescheduled(APPOINTMENT, PRACTITIONER, PARTNER, PATIENT, START, END,
							START.plusSeconds(86400), END.plusSeconds(86400), UUID.randomUUID())),
			entry(AppointmentNoShowRecorded.class,
					new AppointmentNoShowRecorded(APPOINTMENT, PRACTITIONER, PARTNER, PATIENT, START, END)),
			entry(AppointmentCheckedIn.class,
					new AppointmentCheckedIn(APPOINTMENT, PRACTITIONER, PARTNER, PATIENT, START.minusSeconds(300))),
			entry(AppointmentCompleted.class,
					new AppointmentCompleted(APPOINTMENT, PRACTITIONER, PARTNER, PATIENT, END)),
			entry(WaitlistOfferMade.class, new WaitlistOfferMade(UUID.randomUUID(), UUID.randomUUID(), PATIENT,
					PRACTITIONER, PARTNER, START, END, START.minusSeconds(3600))));

	private EventSamples() {
	}

}
