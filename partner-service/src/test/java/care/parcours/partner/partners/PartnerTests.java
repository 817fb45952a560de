package care.parcours.partner.partners;

import java.util.List;

import care.parcours.events.partner.PartnerActivated;
import care.parcours.events.partner.PartnerSuspended;
import care.parcours.events.partner.PartnerUpdated;
import care.parcours.partner.PartnerFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerTests {

	private final Partner onboarding = PartnerFixtures.clinicInLyon();

	@Test
	void aNewPartnerIsOnboardingAndItsEventKeepsNameStreetAndContactsHere() {
		assertThat(onboarding.status()).isEqualTo(OnboardingStatus.ONBOARDING);
		assertThat(onboarding.registered().toString()).doesNotContain("Clinique du Parc")
			.doesNotContain("Stalingrad")
			.doesNotContain("international@example.org");
	}

	@Test
	void anOnboardedPartnerIsActivatedThenSuspendedThenReinstated() {
		Partner.Change activated = onboarding.activate();
		Partner.Change suspended = activated.partner().suspend();
		Partner.Change reinstated = suspended.partner().moveTo(OnboardingStatus.ACTIVE);

		assertThat(activated.event()).isEqualTo(new PartnerActivated(onboarding.id()));
		assertThat(suspended.event()).isEqualTo(new PartnerSuspended(onboarding.id()));
		assertThat(reinstated.partner().status()).isEqualTo(OnboardingStatus.ACTIVE);
		assertThat(reinstated.partner().version()).isEqualTo(3);
	}

	@Test
	void movingToTheCurrentStatusOrBackToOnboardingIsRefused() {
		Partner active = onboarding.activate().partner();

		assertThatThrownBy(active::activate).isInstanceOf(Partner.StatusUnchanged.class).hasMessageContaining("ACTIVE");
		assertThatThrownBy(() -> onboarding.moveTo(OnboardingStatus.ONBOARDING))
			.isInstanceOf(Partner.StatusUnchanged.class);
		assertThatThrownBy(() -> active.moveTo(OnboardingStatus.ONBOARDING))
			.isInstanceOf(Partner.OnboardingIsOver.class);
	}

	@Test
	void aRevisionKeepsKindAndZoneAndAnnouncesCodesOnly() {
		PartnerProfile moved = PartnerProfile.of("Clinique du Parc", "FR", "Villeurbanne",
				List.of("orthopaedics", "oncology"), List.of("fr"));

		Partner.Change revised = onboarding.revise(moved);

		assertThat(revised.partner().city()).isEqualTo("Villeurbanne");
		assertThat(revised.partner().kind()).isEqualTo(PartnerKind.CLINIC);
		assertThat(revised.event()).isEqualTo(new PartnerUpdated(onboarding.id(), "CLINIC", "FR", "Villeurbanne",
				"Europe/Paris", List.of("orthopaedics", "oncology"), List.of("fr")));
	}

	@Test
	void accreditationsHoldUntilTheirExpiryDayIncluded() {
		Accreditation has = onboarding.profile().accreditations().getFirst();

		assertThat(has.validOn(has.expiresOn())).isTrue();
		assertThat(has.validOn(has.expiresOn().plusDays(1))).isFalse();
	}

	@Test
	void distancesAreGreatCircleKilometres() {
		Coordinates lyonAirport = PartnerFixtures.LYON_AIRPORT;
		Coordinates parisCdg = new Coordinates(49.0097, 2.5479);

		assertThat(lyonAirport.distanceKm(parisCdg)).isBetween(400.0, 420.0);
		assertThat(lyonAirport.distanceKm(lyonAirport)).isZero();
	}

}
