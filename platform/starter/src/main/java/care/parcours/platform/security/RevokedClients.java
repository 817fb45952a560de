package care.parcours.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import care.parcours.events.auth.PartnerClientRevoked;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The clients the authorization server revoked, learnt from its events. A token of such a
 * client issued before the revocation is refused even though it has not expired. Checked
 * on every request, so it reads from memory: the table every instance of the service
 * shares (only one of them consumes each event) is re-read when the snapshot is older
 * than the configured refresh.
 */
public class RevokedClients implements EventHandler<PartnerClientRevoked>, OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error REVOKED = new OAuth2Error("invalid_token", "The client was revoked.", null);

	private final JdbcClient jdbc;

	private final Snapshot<Map<String, Instant>> revoked;

	public RevokedClients(JdbcClient jdbc, Clock clock, Duration refresh) {
		this.jdbc = jdbc;
		this.revoked = new Snapshot<>(this::read, Map.of(), clock, refresh);
	}

	@Override
	public void handle(PartnerClientRevoked event, EventMetadata metadata) {
		this.jdbc
			.sql("""
					insert into parcours_platform.revoked_client (client_id, partner_id, revoked_at)
					values (:clientId, :partnerId, :revokedAt)
					on conflict (client_id) do update set revoked_at = greatest(revoked_client.revoked_at, excluded.revoked_at)
					""")
			.param("clientId", event.clientId())
			.param("partnerId", event.partnerId())
			.param("revokedAt", java.sql.Timestamp.from(event.revokedAt()))
			.update();
		this.revoked.expire();
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String clientId = token.getClaimAsString(TokenClaims.CLIENT_ID);
		if (clientId == null) {
			return OAuth2TokenValidatorResult.success();
		}
		Instant revokedAt = this.revoked.current().get(clientId);
		Instant issuedAt = token.getIssuedAt();
		if (revokedAt != null && (issuedAt == null || !issuedAt.isAfter(revokedAt))) {
			return OAuth2TokenValidatorResult.failure(REVOKED);
		}
		return OAuth2TokenValidatorResult.success();
	}

	/** Whether tokens the client obtained before now are refused. */
	public boolean isRevoked(String clientId) {
		return this.revoked.current().containsKey(clientId);
	}

	private Map<String, Instant> read() {
		Map<String, Instant> read = new HashMap<>();
		this.jdbc.sql("select client_id, revoked_at from parcours_platform.revoked_client")
			.query((rs, row) -> read.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.list();
		return Map.copyOf(read);
	}

}
