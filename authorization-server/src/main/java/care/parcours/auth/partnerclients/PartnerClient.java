package care.parcours.auth.partnerclients;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import care.parcours.events.auth.PartnerClientIssued;
import care.parcours.events.auth.PartnerClientRevoked;
import care.parcours.platform.domain.ConflictException;
import org.jspecify.annotations.Nullable;

/**
 * The client-credentials client of a partner organisation, as it stands at
 * {@code version}: active until revoked, and never again after.
 *
 * @param clientId the OAuth2 client id, {@code partner-} and 20 hex digits
 * @param partnerId the partner it acts for: the {@code partner_id} claim of its tokens
 * @param name what administrators call it
 * @param scopes what it may ask for, at least one
 * @param createdAt when it was issued
 * @param secretRotatedAt when its secret was last replaced, if ever
 * @param revokedAt when it was revoked, if it was
 * @param version incremented by every change
 */
public record PartnerClient(String clientId, UUID partnerId, String name, Set<PartnerScope> scopes, Instant createdAt,
		@Nullable Instant secretRotatedAt, @Nullable Instant revokedAt, long version) {

	public PartnerClient {
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(partnerId, "partnerId");
		if (name.isBlank() || name.length() > 200) {
			throw new IllegalArgumentException("A partner client's name has 1 to 200 characters");
		}
		if (scopes.isEmpty()) {
			throw new IllegalArgumentException("A partner client needs at least one scope");
		}
		scopes = Set.copyOf(EnumSet.copyOf(scopes));
	}

	/** A new client with the event announcing it, at version 0. */
	public static Issue issue(String clientId, UUID partnerId, String name, Set<PartnerScope> scopes, Instant now) {
		PartnerClient client = new PartnerClient(clientId, partnerId, name, scopes, now, null, null, 0);
		return new Issue(client, new PartnerClientIssued(clientId, partnerId, client.scopeValues()));
	}

	/**
	 * The client with a new secret; the caller makes and stores the secret itself.
	 * @throws AlreadyRevoked when the client is revoked
	 */
	public PartnerClient rotateSecret(Instant now) {
		requireActive();
		return new PartnerClient(clientId, partnerId, name, scopes, createdAt, now, null, version + 1);
	}

	/**
	 * Revokes the client: no new tokens, and resource servers refuse those issued before.
	 * @throws AlreadyRevoked when it is revoked already
	 */
	public Revocation revoke(Instant now) {
		requireActive();
		PartnerClient revoked = new PartnerClient(clientId, partnerId, name, scopes, createdAt, secretRotatedAt, now,
				version + 1);
		return new Revocation(revoked, new PartnerClientRevoked(clientId, partnerId, now));
	}

	public boolean isRevoked() {
		return revokedAt != null;
	}

	/** The scope values in a stable order. */
	public List<String> scopeValues() {
		return EnumSet.copyOf(scopes).stream().map(PartnerScope::value).toList();
	}

	private void requireActive() {
		if (revokedAt != null) {
			throw new AlreadyRevoked(this);
		}
	}

	/** A new client and the event announcing it. */
	public record Issue(PartnerClient client, PartnerClientIssued event) {

	}

	/** A revoked client and the event announcing it. */
	public record Revocation(PartnerClient client, PartnerClientRevoked event) {

	}

	/** The client is revoked: it cannot change any more. */
	public static final class AlreadyRevoked extends ConflictException {

		AlreadyRevoked(PartnerClient client) {
			super("partner-client-revoked",
					"Partner client " + client.clientId() + " was revoked at " + client.revokedAt() + ".");
		}

	}

}
