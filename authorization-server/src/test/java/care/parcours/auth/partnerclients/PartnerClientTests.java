package care.parcours.auth.partnerclients;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PartnerClientTests {

	private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

	private final UUID partner = UUID.randomUUID();

	@Test
	void anIssuedClientIsActiveAtVersionZeroAndAnnouncedWithItsScopes() {
		PartnerClient.Issue issue = PartnerClient.issue("partner-0123456789abcdef0123", partner, "Clinique",
				EnumSet.of(PartnerScope.QUOTES_READ, PartnerScope.AVAILABILITY_WRITE), NOW);

		assertThat(issue.client().isRevoked()).isFalse();
		assertThat(issue.client().version()).isZero();
		assertThat(issue.event().clientId()).isEqualTo("partner-0123456789abcdef0123");
		assertThat(issue.event().partnerId()).isEqualTo(partner);
		assertThat(issue.event().scopes()).containsExactly("partner.availability.write", "partner.quotes.read");
	}

	@Test
	void revokingRecordsWhenAndAnnouncesIt() {
		PartnerClient.Revocation revocation = active().revoke(NOW.plusSeconds(60));

		assertThat(revocation.client().isRevoked()).isTrue();
		assertThat(revocation.client().version()).isEqualTo(1);
		assertThat(revocation.event().revokedAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(revocation.event().partnerId()).isEqualTo(partner);
	}

	@Test
	void aRevokedClientCanNeitherBeRevokedAgainNorGetANewSecret() {
		PartnerClient revoked = active().revoke(NOW).client();

		assertThatExceptionOfType(PartnerClient.AlreadyRevoked.class).isThrownBy(() -> revoked.revoke(NOW))
			.withMessageContaining("was revoked at 2026-11-23T09:00:00Z");
		assertThatExceptionOfType(PartnerClient.AlreadyRevoked.class).isThrownBy(() -> revoked.rotateSecret(NOW));
	}

	@Test
	void rotatingTheSecretKeepsTheClientActive() {
		PartnerClient rotated = active().rotateSecret(NOW.plusSeconds(5));

		assertThat(rotated.isRevoked()).isFalse();
		assertThat(rotated.secretRotatedAt()).isEqualTo(NOW.plusSeconds(5));
		assertThat(rotated.version()).isEqualTo(1);
	}

	@Test
	void aClientNeedsAScopeAndAName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PartnerClient.issue("partner-0123456789abcdef0123", partner, "Clinique", Set.of(), NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> PartnerClient.issue("partner-0123456789abcdef0123",
				partner, " ", EnumSet.allOf(PartnerScope.class), NOW));
	}

	@Test
	void newCredentialsAreUnguessableAndFitTheClientIdPattern() {
		assertThat(Credentials.newClientId()).matches("partner-[0-9a-f]{20}").isNotEqualTo(Credentials.newClientId());
		assertThat(Credentials.newSecret()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(Credentials.newSecret());
	}

	private PartnerClient active() {
		return PartnerClient
			.issue("partner-0123456789abcdef0123", partner, "Clinique", EnumSet.allOf(PartnerScope.class), NOW)
			.client();
	}

}
