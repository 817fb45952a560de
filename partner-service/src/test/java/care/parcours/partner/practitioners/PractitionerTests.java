package care.parcours.partner.practitioners;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.partner.PartnerFixtures;
import care.parcours.partner.partners.Partner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PractitionerTests {

	private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

	@Test
	void aPractitionerKeepsTheScheduleInThePartnersTimeZone() {
		Partner clinic = PartnerFixtures.clinicInLyon();

		Practitioner practitioner = Practitioner.register(UUID.randomUUID(), clinic, " Dr Amina Haddad ",
				List.of("orthopaedics", "orthopaedics"), List.of("fr", "ar"), NOW);

		assertThat(practitioner.timeZone()).isEqualTo("Europe/Paris");
		assertThat(practitioner.name()).isEqualTo("Dr Amina Haddad");
		assertThat(practitioner.specialties()).containsExactly("orthopaedics");
		assertThat(practitioner.version()).isZero();
	}

	@Test
	void aHotelEmploysNoPractitioners() {
		Partner hotel = PartnerFixtures.hotelInLyon();

		assertThatThrownBy(() -> Practitioner.register(UUID.randomUUID(), hotel, "Dr Who", List.of("cardiology"),
				List.of("en"), NOW))
			.isInstanceOf(Practitioner.PartnerProvidesNoCare.class)
			.hasMessageContaining("HOTEL");
	}

	@Test
	void theRegistrationEventCarriesIdsAndCodesButNotTheName() {
		Partner clinic = PartnerFixtures.clinicInLyon();
		Practitioner practitioner = Practitioner.register(UUID.randomUUID(), clinic, "Dr Amina Haddad",
				List.of("orthopaedics"), List.of("fr"), NOW);

		PractitionerRegistered event = practitioner.registered();

		assertThat(event).isEqualTo(new PractitionerRegistered(practitioner.id(), clinic.id(), "Europe/Paris",
				List.of("orthopaedics"), List.of("fr")));
		assertThat(event.toString()).doesNotContain("Haddad");
	}

}
