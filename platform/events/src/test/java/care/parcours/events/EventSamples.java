package care.parcours.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.auth.PartnerClientIssued;
import care.parcours.events.auth.PartnerClientRevoked;
import care.parcours.events.auth.SessionEnded;
import care.parcours.events.billing.AuthorisationDecided;
import care.parcours.events.billing.AuthorisationExpired;
import care.parcours.events.billing.CreditNoteIssued;
import care.parcours.events.billing.InvoiceIssued;
import care.parcours.events.billing.InvoiceSettled;
import care.parcours.events.billing.PaymentReceived;
import care.parcours.events.billing.PaymentRefunded;
import care.parcours.events.billing.QuoteAccepted;
import care.parcours.events.billing.QuoteExpired;
import care.parcours.events.billing.QuoteRejected;
import care.parcours.events.billing.QuoteSent;
import care.parcours.events.partner.PartnerActivated;
import care.parcours.events.partner.PartnerRegistered;
import care.parcours.events.partner.PartnerSuspended;
import care.parcours.events.partner.PartnerUpdated;
import care.parcours.events.partner.PractitionerJoinedPartner;
import care.parcours.events.partner.PractitionerLeftPartner;
import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.events.partner.PractitionerUpdated;
import care.parcours.events.partner.ResourceRegistered;
import care.parcours.events.partner.ResourceRetired;
import care.parcours.events.partner.ResourceUpdated;
import care.parcours.events.patient.ConsentGranted;
import care.parcours.events.patient.ConsentWithdrawn;
import care.parcours.events.patient.PathwayAlertRaised;
import care.parcours.events.patient.PathwayClosed;
import care.parcours.events.patient.PathwayMoveRequested;
import care.parcours.events.patient.PathwayOpened;
import care.parcours.events.patient.PathwayStepChanged;
import care.parcours.events.patient.PatientErased;
import care.parcours.events.patient.PatientRegistered;
import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCancelled;
import care.parcours.events.scheduling.AppointmentCheckedIn;
import care.parcours.events.scheduling.AppointmentCompleted;
import care.parcours.events.scheduling.AppointmentNoShowRecorded;
import care.parcours.events.scheduling.AppointmentResource;
import care.parcours.events.scheduling.AppointmentRescheduled;
import care.parcours.events.scheduling.CascadeApplied;
import care.parcours.events.scheduling.CascadeRefused;
import care.parcours.events.scheduling.SlotHeld;
import care.parcours.events.scheduling.SlotReleased;
import care.parcours.events.scheduling.WaitlistOfferMade;

import static java.util.Map.entry;

/** One realistic instance of every published event, for the contract tests. */
final class EventSamples {

	private static final UUID PARTNER = UUID.fromString("0b8f1d3e-7a47-4c1f-9d55-2f6f4d0e6a11");

	private static final UUID PRACTITIONER = UUID.fromString("5d1c7a3b-2f0e-4e8a-b1a4-6c2d9e8f7a01");

	private static final UUID RESOURCE = UUID.fromString("0e7b4c2a-5d18-4f63-9a2e-3c8b1d6f4a90");

	private static final UUID PATIENT = UUID.fromString("9e4b2c1d-8a7f-4b3e-a2d1-0c9b8a7f6e55");

	private static final UUID APPOINTMENT = UUID.fromString("3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d");

	private static final UUID PATHWAY = UUID.fromString("c0ffee00-1d2e-4f3a-8b4c-5d6e7f8a9b0c");

	private static final UUID STEP = UUID.fromString("5e7a9c1b-3d5f-4a7b-9c1d-3e5f7a9b1c3d");

	private static final UUID MOVE = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");

	private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

	private static final Instant END = Instant.parse("2026-12-01T08:30:00Z");

	private static final UUID QUOTE = UUID.fromString("4b3a2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d");

	private static final UUID INSURER = UUID.fromString("2d4f6a8c-0e1b-4c3d-8e5f-7a9b1c3d5e7f");

	private static final UUID POLICY = UUID.fromString("8f7e6d5c-4b3a-4291-8f7e-6d5c4b3a2918");

	private static final UUID AUTHORISATION = UUID.fromString("1c3e5a7b-9d2f-4e6a-8b1c-3d5e7f9a2b4c");

	private static final UUID INVOICE = UUID.fromString("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d");

	private static final UUID PAYMENT = UUID.fromString("3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b");

	static final Map<Class<? extends DomainEvent>, DomainEvent> BY_TYPE = Map.ofEntries(
			entry(QuoteSent.class,
					new QuoteSent(QUOTE, 2, PATIENT, PARTNER, "EUR", "12450.00", "9960.00", "2490.00",
							LocalDate.parse("2026-12-15"), START, STEP)),
			entry(QuoteAccepted.class,
					new QuoteAccepted(QUOTE, 2, PATIENT, PARTNER, "EUR", "12450.00", "9960.00", "2490.00", END, STEP)),
			entry(QuoteRejected.class, new QuoteRejected(QUOTE, 1, PATIENT, PARTNER, END, null)),
			entry(QuoteExpired.class,
					new QuoteExpired(QUOTE, 2, PATIENT, PARTNER, LocalDate.parse("2026-12-15"),
							Instant.parse("2026-12-15T23:00:00Z"), STEP)),
			entry(AuthorisationDecided.class,
					new AuthorisationDecided(AUTHORISATION, QUOTE, 2, INSURER, POLICY, "APPROVED", "EUR", "9960.00",
							"9000.00", LocalDate.parse("2027-03-31"), START, STEP)),
			entry(AuthorisationExpired.class,
					new AuthorisationExpired(AUTHORISATION, QUOTE, INSURER, POLICY,
							Instant.parse("2027-03-31T22:00:00Z"), null)),
			entry(InvoiceIssued.class,
					new InvoiceIssued(INVOICE, "2026-000042", "DEPOSIT", PATIENT, PARTNER, QUOTE, 2, "EUR", "3735.00",
							"0.00", "3735.00", LocalDate.parse("2026-12-20"), START, STEP)),
			entry(CreditNoteIssued.class,
					new CreditNoteIssued(UUID.fromString("9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), "2026-000043",
							INVOICE, PATIENT, PARTNER, "ACT_NOT_PERFORMED", "EUR", "120.00", "3615.00", END, null)),
			entry(PaymentReceived.class,
					new PaymentReceived(PAYMENT, INVOICE, PATIENT, PARTNER, "CARD", null, "EUR", "3615.00", "0.00", END,
							STEP)),
			entry(PaymentRefunded.class,
					new PaymentRefunded(UUID.fromString("d1c2b3a4-9e8f-4d7c-8b6a-5f4e3d2c1b0a"), INVOICE, PAYMENT,
							PATIENT, PARTNER, "EUR", "100.00", "100.00", END, null)),
			entry(InvoiceSettled.class,
					new InvoiceSettled(INVOICE, "2026-000042", PATIENT, PARTNER, "EUR", "3735.00", "3615.00", "120.00",
							END, STEP)),
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
			entry(ResourceRegistered.class,
					new ResourceRegistered(RESOURCE, PARTNER, "OPERATING_ROOM", "Europe/Paris", List.of("orthopaedics"),
							List.of())),
			entry(ResourceUpdated.class,
					new ResourceUpdated(RESOURCE, PARTNER, "OPERATING_ROOM", "Europe/Paris",
							List.of("orthopaedics", "cardiology"), List.of())),
			entry(ResourceRetired.class, new ResourceRetired(RESOURCE, PARTNER)),
			entry(SlotHeld.class,
					new SlotHeld(UUID.fromString("d71c8e11-9fe0-493a-9722-9eb0d91e1afd"), PRACTITIONER, PARTNER,
							PATIENT, START, END, "IN_PERSON", "consultation", START.minusSeconds(3600), null)
						.withResources(List.of(new AppointmentResource("practitioner", PRACTITIONER, PARTNER)))),
			entry(SlotReleased.class,
					new SlotReleased(UUID.fromString("592222f4-724c-4a3d-854e-cbd0b6294608"), PRACTITIONER, PARTNER,
							START, END, "EXPIRED", null)),
			entry(AppointmentBooked.class,
					new AppointmentBooked(APPOINTMENT, PRACTITIONER, PARTNER, PATIENT, START, END, "TELECONSULTATION",
							"consultation", null, STEP)
						.withResources(List.of(new AppointmentResource("practitioner", PRACTITIONER, PARTNER),
								new AppointmentResource("interpreter", RESOURCE,
										UUID.fromString("0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"))))),
			entry(AppointmentCancelled.class,
					new AppointmentCancelled(APPOINTMENT, PRACTITIONER, PARTNER, PATIENT, START, END, "PATIENT_REQUEST",
							null)),
			entry(AppointmentRescheduled.class,
					new AppointmentRescheduled(APPOINTMENT, PRACTITIONER, PARTNER, PATIENT, START, END,
							START.plusSeconds(86400), END.plusSeconds(86400),
							UUID.fromString("d4b25bad-15c0-48d2-895f-991c0ef2d82e"), null)),
			entry(AppointmentNoShowRecorded.class,
					new AppointmentNoShowRecorded(APPOINTMENT, PRACTITIONER, PARTNER, PATIENT, START, END, null)),
			entry(AppointmentCheckedIn.class,
					new AppointmentCheckedIn(APPOINTMENT, PRACTITIONER, PARTNER, PATIENT, START.minusSeconds(300),
							null)),
			entry(AppointmentCompleted.class,
					new AppointmentCompleted(APPOINTMENT, PRACTITIONER, PARTNER, PATIENT, END, null)),
			entry(WaitlistOfferMade.class,
					new WaitlistOfferMade(UUID.fromString("c5b950e3-6b25-4917-a574-d43848d524a0"),
							UUID.fromString("ec5f4bec-b9b9-413d-aa21-802410746b17"), PATIENT, PRACTITIONER, PARTNER,
							START, END, START.minusSeconds(3600), null)),
			entry(PathwayOpened.class,
					new PathwayOpened(PATHWAY, PATIENT, UUID.fromString("1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b"), 2,
							PARTNER, "coordinator-7", START.plusSeconds(7 * 86400), START.minusSeconds(86400))),
			entry(PathwayStepChanged.class,
					new PathwayStepChanged(PATHWAY, STEP, "SURGERY", "SCHEDULED", START, "COORDINATOR", null, START)),
			entry(PathwayAlertRaised.class,
					new PathwayAlertRaised(PATHWAY, UUID.fromString("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"), STEP,
							"APPOINTMENT_CANCELLED", START)),
			entry(PathwayClosed.class, new PathwayClosed(PATHWAY, "CLOSED", "COMPLETED", END)),
			entry(PathwayMoveRequested.class,
					new PathwayMoveRequested(PATHWAY, MOVE, PATIENT, APPOINTMENT, START.plusSeconds(2 * 86400),
							List.of(new PathwayMoveRequested.Link(APPOINTMENT,
									UUID.fromString("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e"), "P7D", "PT12H")))),
			entry(CascadeApplied.class,
					new CascadeApplied(UUID.fromString("8d7c6b5a-4938-4271-a0b1-c2d3e4f5a6b7"),
							UUID.fromString("4c3b2a19-0807-4f6e-8d5c-4b3a29180706"), MOVE, List.of(APPOINTMENT))),
			entry(CascadeRefused.class, new CascadeRefused(MOVE, APPOINTMENT, "NO_SLOT")));

	private EventSamples() {
	}

}
