package care.parcours.patient.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import care.parcours.events.patient.ConsentGranted;
import care.parcours.events.patient.ConsentWithdrawn;
import care.parcours.patient.consent.Consent.ConsentAlreadyWithdrawn;
import care.parcours.patient.consent.Consent.WithdrawalBeforeGrant;
import care.parcours.platform.domain.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsentTests {

	static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	static final UUID PATIENT = UUID.randomUUID();

	static final UUID PARTNER = UUID.randomUUID();

	@Test
	void sharingWithAPartnerMustNameThePartner() {
		assertThatThrownBy(() -> sharing(null)).isInstanceOf(InvalidRequestException.class)
			.extracting(ex -> ((InvalidRequestException) ex).properties().get("errors").toString())
			.asString()
			.contains("partnerId");
	}

	@Test
	void otherPurposesNameNoPartner() {
		assertThatThrownBy(() -> Consent.grant(UUID.randomUUID(), PATIENT, ConsentPurpose.RESEARCH, PARTNER,
				ConsentMethod.SIGNED_FORM, NOW, "coordinator", NOW))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void aConsentHoldsFromItsEffectiveTimeUntilItsWithdrawal() {
		Consent granted = sharing(PARTNER);
		Consent withdrawn = granted.withdraw(ConsentMethod.ORAL, NOW.plus(Duration.ofDays(1)), "assistant",
				NOW.plus(Duration.ofDays(2)));

		assertThat(granted.isCurrentAt(NOW.minusSeconds(1))).isFalse();
		assertThat(granted.isCurrentAt(NOW)).isTrue();
		assertThat(withdrawn.isCurrentAt(NOW.plus(Duration.ofHours(23)))).isTrue();
		assertThat(withdrawn.isCurrentAt(NOW.plus(Duration.ofDays(1)))).isFalse();
		assertThat(withdrawn.version()).isEqualTo(1);
		assertThat(withdrawn.grant()).isEqualTo(granted.grant());
	}

	@Test
	void aConsentIsWithdrawnOnce() {
		Consent withdrawn = sharing(PARTNER).withdraw(ConsentMethod.ORAL, NOW, "assistant", NOW);

		assertThatThrownBy(() -> withdrawn.withdraw(ConsentMethod.ELECTRONIC, NOW, "assistant", NOW.plusSeconds(5)))
			.isInstanceOf(ConsentAlreadyWithdrawn.class)
			.hasMessageContaining(withdrawn.id().toString());
	}

	@Test
	void aWithdrawalCannotPrecedeTheGrant() {
		Consent granted = sharing(PARTNER);

		assertThatThrownBy(() -> granted.withdraw(ConsentMethod.ORAL, NOW.minusSeconds(1), "assistant", NOW))
			.isInstanceOf(WithdrawalBeforeGrant.class);
	}

	@Test
	void aWithdrawalIsNotRecordedAheadOfTime() {
		assertThatThrownBy(() -> sharing(PARTNER).withdraw(ConsentMethod.ORAL, NOW.plusSeconds(60), "assistant", NOW))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void aConsentCanBeRecordedForALaterStartAndDoesNotHoldBefore() {
		Consent later = Consent.grant(UUID.randomUUID(), PATIENT, ConsentPurpose.CONTACT_BY_EMAIL, null,
				ConsentMethod.ELECTRONIC, NOW.plus(Duration.ofDays(7)), "coordinator", NOW);

		assertThat(later.isCurrentAt(NOW)).isFalse();
		assertThat(later.isCurrentAt(NOW.plus(Duration.ofDays(7)))).isTrue();
	}

	@Test
	void sharingIsAllowedOnlyWithTheNamedPartnerWhileTheConsentHolds() {
		Consent granted = sharing(PARTNER);

		assertThat(granted.allowsSharingWith(PARTNER, NOW)).isTrue();
		assertThat(granted.allowsSharingWith(UUID.randomUUID(), NOW)).isFalse();
		assertThat(granted.withdraw(ConsentMethod.ORAL, NOW, "assistant", NOW).allowsSharingWith(PARTNER, NOW))
			.isFalse();
		assertThat(Consent
			.grant(UUID.randomUUID(), PATIENT, ConsentPurpose.CARE_COORDINATION, null, ConsentMethod.ORAL, NOW,
					"coordinator", NOW)
			.allowsSharingWith(PARTNER, NOW)).isFalse();
	}

	@Test
	void itsEventsCarryIdsThePurposeCodeAndTimes() {
		Consent granted = sharing(PARTNER);
		Consent withdrawn = granted.withdraw(ConsentMethod.ORAL, NOW.plusSeconds(60), "assistant", NOW.plusSeconds(90));

		assertThat(granted.granted())
			.isEqualTo(new ConsentGranted(granted.id(), PATIENT, "SHARING_WITH_PARTNER", PARTNER, NOW, NOW));
		assertThat(withdrawn.withdrawn()).isEqualTo(
				new ConsentWithdrawn(granted.id(), PATIENT, "SHARING_WITH_PARTNER", PARTNER, NOW, NOW.plusSeconds(60)));
		assertThatThrownBy(granted::withdrawn).isInstanceOf(IllegalStateException.class);
	}

	private static Consent sharing(UUID partner) {
		return Consent.grant(UUID.randomUUID(), PATIENT, ConsentPurpose.SHARING_WITH_PARTNER, partner,
				ConsentMethod.SIGNED_FORM, NOW, "coordinator", NOW);
	}

}
