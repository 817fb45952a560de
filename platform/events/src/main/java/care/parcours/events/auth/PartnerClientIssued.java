package care.parcours.events.auth;

import java.util.List;
import java.util.UUID;

import care.parcours.events.EventType;

/**
 * A partner organisation was given a new machine client: it can obtain tokens for the
 * client-credentials grant from now on. The secret never leaves the authorization server.
 *
 * @param clientId the OAuth2 client id, also the {@code client_id} claim of its tokens
 * @param partnerId the partner the client acts for, the {@code partner_id} claim
 * @param scopes the scopes the client may ask for, such as
 * {@code partner.appointments.read}
 */
@EventType("auth.partner-client.issued.v1")
public record PartnerClientIssued(String clientId, UUID partnerId, List<String> scopes) implements AuthEvent {

	public PartnerClientIssued {
		scopes = List.copyOf(scopes);
	}

}
