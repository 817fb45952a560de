package care.parcours.auth.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The refresh token each authorization holds, and those it held before: only their
 * SHA-256 hashes are kept ({@code rotated_refresh_token}), until they expire.
 */
@Repository
class RefreshTokenRotations {

	private final JdbcClient jdbc;

	private final Clock clock;

	RefreshTokenRotations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The authorization's refresh token now, its row locked until the commit. */
	Optional<Current> lockCurrent(String authorizationId) {
		return jdbc.sql("""
				select refresh_token_value, refresh_token_expires_at from oauth2_authorization
				where id = ? and refresh_token_value is not null
				for update
				""").param(authorizationId).query((row, number) -> {
			Timestamp expiresAt = row.getTimestamp(2);
			return new Current(row.getString(1), (expiresAt != null) ? expiresAt.toInstant() : null);
		}).optional();
	}

	/** Records that the authorization no longer holds this token, from now on. */
	void retire(Current replaced, String authorizationId) {
		Instant expiresAt = (replaced.expiresAt() != null) ? replaced.expiresAt()
				: clock.instant().plus(Duration.ofDays(1));
		jdbc.sql("""
				insert into rotated_refresh_token (token_hash, authorization_id, rotated_at, expires_at)
				values (?, ?, ?, ?) on conflict do nothing
				""")
			.params(hash(replaced.value()), authorizationId, Timestamp.from(clock.instant()), Timestamp.from(expiresAt))
			.update();
	}

	/**
	 * Forgets retired tokens that have expired: presented again, they are refused anyway.
	 */
	void forgetExpired() {
		jdbc.sql("delete from rotated_refresh_token where expires_at < ?")
			.param(Timestamp.from(clock.instant()))
			.update();
	}

	/** The retired token with this hash, if one is. */
	Optional<Retired> retired(byte[] tokenHash) {
		return jdbc.sql("select authorization_id, rotated_at from rotated_refresh_token where token_hash = ?")
			.param(tokenHash)
			.query((row, number) -> new Retired(row.getString(1), row.getTimestamp(2).toInstant()))
			.optional();
	}

	static String hex(String token) {
		return HexFormat.of().formatHex(hash(token));
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** The refresh token an authorization holds in the database. */
	record Current(String value, @Nullable Instant expiresAt) {

		boolean hasHash(String tokenHash) {
			return tokenHash.equals(hex(value));
		}

		boolean replacedBy(String next) {
			return !value.equals(next);
		}

	}

	/** A refresh token replaced by a newer one, and when. */
	record Retired(String authorizationId, Instant rotatedAt) {

		boolean rotatedWithin(Duration leeway, Instant now) {
			return now.isBefore(rotatedAt.plus(leeway));
		}

	}

}
