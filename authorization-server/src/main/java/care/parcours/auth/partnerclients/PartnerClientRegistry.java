package care.parcours.auth.partnerclients;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import care.parcours.auth.clients.RegisteredClients;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, rotates and revokes partner clients. Each change of a client, of its OAuth2
 * registration and the event announcing it are one transaction.
 */
@Service
class PartnerClientRegistry {

	private final PartnerClients clients;

	private final KnownPartners partners;

	private final RegisteredClients registrations;

	private final Outbox outbox;

	private final Clock clock;

	PartnerClientRegistry(PartnerClients clients, KnownPartners partners, RegisteredClients registrations,
			Outbox outbox, Clock clock) {
		this.clients = clients;
		this.partners = partners;
		this.registrations = registrations;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * A new client for the partner; the answer holds its secret, which is never shown
	 * again.
	 * @throws UnknownPartner when partner-service never announced the partner
	 */
	@Transactional
	IssuedClient issue(UUID partnerId, Set<PartnerScope> scopes, @Nullable String name) {
		if (!partners.contains(partnerId)) {
			throw new UnknownPartner(partnerId);
		}
		String secret = Credentials.newSecret();
		PartnerClient.Issue issue = PartnerClient.issue(Credentials.newClientId(), partnerId,
				name == null || name.isBlank() ? "Partner " + partnerId : name.strip(), scopes, now());
		PartnerClient client = issue.client();
		clients.add(client);
		registrations.addPartnerClient(client.clientId(), partnerId, client.name(), client.scopeValues(), secret,
				client.createdAt());
		outbox.publish(issue.event(), client.clientId(), client.version());
		return new IssuedClient(client, secret);
	}

	/** Replaces the client's secret: the old one stops working when this commits. */
	@Transactional
	IssuedClient rotateSecret(String clientId) {
		PartnerClient rotated = get(clientId).rotateSecret(now());
		clients.update(rotated);
		String secret = Credentials.newSecret();
		registrations.replaceSecret(clientId, secret);
		return new IssuedClient(rotated, secret);
	}

	/**
	 * Revokes the client: no new tokens, and the announcement lets others refuse old
	 * ones.
	 */
	@Transactional
	PartnerClient revoke(String clientId) {
		PartnerClient.Revocation revocation = get(clientId).revoke(now());
		PartnerClient revoked = revocation.client();
		clients.update(revoked);
		registrations.refuse(clientId, revocation.event().revokedAt());
		outbox.publish(revocation.event(), clientId, revoked.version());
		return revoked;
	}

	PartnerClient get(String clientId) {
		return clients.find(clientId).orElseThrow(() -> new PartnerClientNotFound(clientId));
	}

	Page<PartnerClient> list(@Nullable UUID partnerId, PageQuery page) {
		return clients.list(partnerId, page);
	}

	/**
	 * To the microsecond, as PostgreSQL keeps it: what is answered is what is read back.
	 */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/** A client with the secret just made for it. */
	record IssuedClient(PartnerClient client, String secret) {

		@Override
		public String toString() {
			return "IssuedClient[client=" + client + "]";
		}

	}

	/** partner-service never announced this partner. */
	static final class UnknownPartner extends RuleViolationException {

		UnknownPartner(UUID partnerId) {
			super("unknown-partner", "No partner with the id " + partnerId
					+ " is known here: register it with partner-service first (it may take a moment to arrive).");
		}

	}

	/** No partner client has this id. */
	static final class PartnerClientNotFound extends NotFoundException {

		PartnerClientNotFound(String clientId) {
			super("partner-client-not-found", "No partner client has the id " + clientId + ".");
		}

	}

}
