package care.parcours.auth.server;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drops authorizations whose every token has expired: each client-credentials token and
 * each login leaves one, and none is needed once nothing in it can be used; and the
 * hashes of retired refresh tokens past their expiry. Safe to run on several instances at
 * once.
 */
@Component
class AuthorizationCleanup {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationCleanup.class);

	private final JdbcClient jdbc;

	private final RefreshTokenRotations rotations;

	private final Clock clock;

	AuthorizationCleanup(JdbcClient jdbc, RefreshTokenRotations rotations, Clock clock) {
		this.jdbc = jdbc;
		this.rotations = rotations;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${parcours.auth.cleanup-interval:PT10M}",
			fixedDelayString = "${parcours.auth.cleanup-interval:PT10M}")
	void dropExpired() {
		// greatest() skips nulls: a row is dropped once its last token has expired.
		int dropped = jdbc.sql("""
				delete from oauth2_authorization
				where greatest(authorization_code_expires_at, access_token_expires_at, oidc_id_token_expires_at,
				               refresh_token_expires_at, user_code_expires_at, device_code_expires_at) < ?
				""").param(Timestamp.from(clock.instant())).update();
		if (dropped > 0) {
			log.debug("Dropped {} expired authorizations", dropped);
		}
		rotations.forgetExpired();
	}

}
