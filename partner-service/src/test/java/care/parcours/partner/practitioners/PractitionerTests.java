package care.parcours.partner.practitioners;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.partner.PractitionerJoinedPartner;
import care.parcours.events.partner.PractitionerLeftPartner;
import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.events.partner.PractitionerUpdated;
import care.parcours.partner.PartnerFixtures;
import care.parcours.partner.partners.Partner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PractitionerTests {

	private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

	private final Partner clinic = PartnerFixtures.clinicInLyon();

	@Test
	void aPractitionerKeepsTheScheduleInThePartnersTimeZone() {
		Practitioner practitioner = Practitioner.register(UUID.randomUUID(), clinic, " Dr Amina Haddad ",
				List.of("orthopaedics", "orthopaedics"), List.of("fr", "ar"), List.of(), NOW);

		assertThat(practitioner.timeZone()).isEqualTo("Europe/Paris");
		assertThat(practitioner.name()).isEqualTo("Dr Amina Haddad");
		assertThat(practitioner.specialties()).containsExactly("orthopaedics");
		assertThat(practitioner.partnerIds()).containsExactly(clinic.id());
		assertThat(practitioner.version()).isZero();
	}

	@Test
	void aHotelEmploysNoPractitioners() {
		Partner hotel = PartnerFixtures.hotelInLyon();

		assertThatThrownBy(() -> Practitioner.register(UUID.randomUUID(), hotel, "Dr Who", List.of("cardiology"),
				List.of("en"), List.of(), NOW))
			.isInstanceOf(Practitioner.PartnerProvidesNoCare.class)
			.hasMessageContaining("HOTEL");
	}

	@Test
	void theRegistrationEventCarriesIdsAndCodesButNotTheNameNorTheIdentifiers() {
		ProfessionalIdentifier rpps = new ProfessionalIdentifier(IdentifierType.RPPS, "10003456786");
		Practitioner practitioner = Practitioner.register(UUID.randomUUID(), clinic, "Dr Amina Haddad",
				List.of("orthopaedics"), List.of("fr"), List.of(rpps), NOW);

		PractitionerRegistered event = practitioner.registered();

		assertThat(event).isEqualTo(new PractitionerRegistered(practitioner.id(), clinic.id(), "Europe/Paris",
				List.of("orthopaedics"), List.of("fr")));
		assertThat(event.toString()).doesNotContain("Haddad").doesNotContain(rpps.value());
	}

	@Test
	void aPractitionerJoinsAnotherClinicAndLeavesTheFirst() {
		Practitioner practitioner = registered();
		Partner second = PartnerFixtures.clinicInLyon();

		Practitioner.Change joined = practitioner.join(second);
		Practitioner.Change left = joined.practitioner().leave(clinic.id());

		assertThat(joined.event()).isEqualTo(new PractitionerJoinedPartner(practitioner.id(), second.id()));
		assertThat(left.event()).isEqualTo(new PractitionerLeftPartner(practitioner.id(), clinic.id()));
		assertThat(left.practitioner().partnerIds()).containsExactly(second.id());
		assertThat(left.practitioner().timeZone()).isEqualTo("Europe/Paris");
		assertThat(left.practitioner().version()).isEqualTo(2);
	}

	@Test
	void theLastPartnerCannotBeLeft() {
		Practitioner practitioner = registered();

		assertThatThrownBy(() -> practitioner.leave(clinic.id())).isInstanceOf(Practitioner.LastPartner.class);
	}

	@Test
	void joiningTwiceOrLeavingAStrangerIsRefused() {
		Practitioner practitioner = registered();

		assertThatThrownBy(() -> practitioner.join(clinic)).isInstanceOf(Practitioner.AlreadyWorksThere.class);
		assertThatThrownBy(() -> practitioner.leave(UUID.randomUUID()))
			.isInstanceOf(Practitioner.NotWorkingThere.class);
		assertThatThrownBy(() -> practitioner.join(PartnerFixtures.hotelInLyon()))
			.isInstanceOf(Practitioner.PartnerProvidesNoCare.class);
	}

	@Test
	void aRevisionIsAnnouncedToEveryPartnerOfThePractitioner() {
		Practitioner practitioner = registered();

		Practitioner.Change revised = practitioner.revise("Dr Amina Haddad", List.of("orthopaedics", "oncology"),
				List.of("fr", "ar", "en"), List.of());

		assertThat(revised.event()).isEqualTo(new PractitionerUpdated(practitioner.id(), List.of(clinic.id()),
				"Europe/Paris", List.of("orthopaedics", "oncology"), List.of("fr", "ar", "en")));
		assertThat(revised.practitioner().version()).isEqualTo(1);
	}

	private Practitioner registered() {
		return Practitioner.register(UUID.randomUUID(), clinic, "Dr Amina Haddad", List.of("orthopaedics"),
				List.of("fr", "ar"), List.of(), NOW);
	}

}
