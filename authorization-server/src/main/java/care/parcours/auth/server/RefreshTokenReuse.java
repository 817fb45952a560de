package care.parcours.auth.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

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

	private final Counter reuses;

	RefreshTokenReuse(JdbcTemplate jdbc, RegisteredClientRepository clients, PlatformTransactionManager transactions,
			Clock clock, MeterRegistry meters) {
		this.authorizations = new JdbcOAuth2AuthorizationService(jdbc, clients);
		this.jdbc = JdbcClient.create(jdbc);
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.reuses = Counter.builder("parcours.auth.refresh_token_reuse")
			.description("Retired refresh tokens presented again; each ended the session it belonged to")
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
			endSessionOfRetired(token);
		}
		return found;
	}

	private void endSessionOfRetired(String token) {
		jdbc.sql("select authorization_id from rotated_refresh_token where token_hash = ?")
			.param(hash(token))
			.query(String.class)
			.optional()
			.map(authorizations::findById)
			.ifPresent(session -> {
				authorizations.remove(session);
				reuses.increment();
				log.warn("A retired refresh token of client {} was presented again; its session {} is ended",
						session.getRegisteredClientId(), session.getId());
			});
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

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
