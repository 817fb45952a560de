package care.parcours.events.auth;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A partner client was revoked: it can no longer obtain tokens, and resource servers
 * refuse the tokens it obtained before (they carry its {@code client_id}) even though
 * they have not expired yet.
 *
 * @param clientId the OAuth2 client id
 * @param partnerId the partner the client acted for
 * @param revokedAt when it was revoked (UTC): tokens issued before are refused
 */
@EventType("auth.partner-client.revoked.v1")
public record PartnerClientRevoked(String clientId, UUID partnerId, Instant revokedAt) implements AuthEvent {

}
