package care.parcours.auth.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import care.parcours.auth.AuthProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends a session whose replaced refresh token comes back. Each refresh hands out a new
 * refresh token and retires the old one; only the client and whoever copied the token
 * hold a retired one, and the server cannot tell which of them presents it. As the OAuth
 * 2.0 security best current practice (RFC 9700, 4.14.2) advises, it then revokes the
 * authorization: the current refresh token stops working too, and the person logs in
 * again. Access tokens already issued live out their short lifetime.
 * <p>
 * Except within a short leeway of the replacement
 * ({@code parcours.auth.refresh-token-reuse-leeway}): two tabs of one browser share the
 * tokens, and when both refresh at the same moment the second presents the token the
 * first has just replaced. Ending the session would log the person out of both tabs, so
 * the token is refused and the session goes on; the tab then refreshes with the current
 * token. The price: a copy presented that soon after the replacement is refused without
 * ending the session, and once the leeway has passed it ends it as before.
 * <p>
 * The authorization store (Spring Authorization Server's tables), with this on top: a
 * save that replaces a refresh token records the old one's hash, in the same transaction;
 * a lookup of a refresh token nobody holds any more checks those hashes.
 */
@Component
class RefreshTokenReuse implements OAuth2AuthorizationService {

	private static final Logger log = LoggerFactory.getLogger(RefreshTokenReuse.class);

	private final OAuth2AuthorizationService authorizations;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration leeway;

	private final Counter sessionsEnded;

	private final Counter withinLeeway;

	RefreshTokenReuse(JdbcTemplate jdbc, RegisteredClientRepository clients, PlatformTransactionManager transactions,
			Clock clock, AuthProperties properties, MeterRegistry meters) {
		this.authorizations = new JdbcOAuth2AuthorizationService(jdbc, clients);
		this.jdbc = JdbcClient.create(jdbc);
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.leeway = properties.refreshTokenReuseLeeway();
		this.sessionsEnded = reuses(meters, "session-ended");
		this.withinLeeway = reuses(meters, "within-leeway");
	}

	private static Counter reuses(MeterRegistry meters, String outcome) {
		return Counter.builder("parcours.auth.refresh_token_reuse")
			.description("Retired refresh tokens presented again: each ended its session, "
					+ "unless presented within the leeway after it was replaced")
			.tag("outcome", outcome)
			.register(meters);
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		transactions.executeWithoutResult(status -> {
			retiredBy(authorization).ifPresent(retired -> jdbc.sql("""
					insert into rotated_refresh_token (token_hash, authorization_id, rotated_at, expires_at)
					values (?, ?, ?, ?) on conflict do nothing
					""")
				.params(hash(retired.getTokenValue()), authorization.getId(), Timestamp.from(clock.instant()),
						Timestamp.from(expiry(retired)))
				.update());
			authorizations.save(authorization);
		});
	}

	/** The refresh token this save replaces, if it replaces one. */
	private Optional<OAuth2RefreshToken> retiredBy(OAuth2Authorization authorization) {
		OAuth2Authorization.Token<OAuth2RefreshToken> next = authorization.getRefreshToken();
		if (next == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(authorizations.findById(authorization.getId()))
			.map(OAuth2Authorization::getRefreshToken)
			.map(OAuth2Authorization.Token::getToken)
			.filter(previous -> !previous.getTokenValue().equals(next.getToken().getTokenValue()));
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		OAuth2Authorization found = authorizations.findByToken(token, tokenType);
		if (found == null && (tokenType == null || OAuth2TokenType.REFRESH_TOKEN.equals(tokenType))) {
			retired(token).ifPresent(this::presentedAgain);
		}
		return found;
	}

	private Optional<Retired> retired(String token) {
		return jdbc.sql("select authorization_id, rotated_at from rotated_refresh_token where token_hash = ?")
			.param(hash(token))
			.query((row, number) -> new Retired(row.getString(1), row.getTimestamp(2).toInstant()))
			.optional();
	}

	/**
	 * Whatever happens here, the caller finds no authorization for the token, so the
	 * client gets {@code invalid_grant}: nothing is ever issued for a retired token.
	 */
	private void presentedAgain(Retired retired) {
		OAuth2Authorization session = authorizations.findById(retired.authorizationId());
		if (session == null) {
			return;
		}
		// The clock that wrote rotated_at, so that the two readings compare.
		if (retired.rotatedWithin(leeway, clock.instant())) {
			withinLeeway.increment();
			log.info("A retired refresh token of client {} was presented again within the leeway; session {} goes on",
					session.getRegisteredClientId(), session.getId());
			return;
		}
		authorizations.remove(session);
		sessionsEnded.increment();
		log.warn("A retired refresh token of client {} was presented again; its session {} is ended",
				session.getRegisteredClientId(), session.getId());
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		authorizations.remove(authorization);
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return authorizations.findById(id);
	}

	private Instant expiry(OAuth2RefreshToken token) {
		Instant expiresAt = token.getExpiresAt();
		return expiresAt != null ? expiresAt : clock.instant().plusSeconds(86_400);
	}

	/** A refresh token replaced by a newer one, and when. */
	private record Retired(String authorizationId, Instant rotatedAt) {

		boolean rotatedWithin(Duration leeway, Instant now) {
			return now.isBefore(rotatedAt.plus(leeway));
		}

	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
