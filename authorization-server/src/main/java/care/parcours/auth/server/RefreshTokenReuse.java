package care.parcours.auth.server;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import care.parcours.auth.AuthProperties;
import care.parcours.events.auth.SessionEnded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
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
 * again; the services refuse the session's access tokens from then on ({@link Sessions}).
 * <p>
 * Except within a short leeway of the replacement
 * ({@code parcours.auth.refresh-token-reuse-leeway}): two tabs of one browser share the
 * tokens, and when both refresh at the same moment the second presents the token the
 * first has just replaced. Ending the session would log the person out of both tabs, so
 * the token is refused and the session goes on; the tab then refreshes with the current
 * token. The price, accepted and kept small by a short leeway (2 s by default): a thief
 * who refreshes with a copied token just before the client does keeps the session, and
 * the client, refused, logs in again; the {@code within-leeway} count shows such
 * refusals. A front end that lets one tab refresh for all (Web Locks) can set the leeway
 * to zero.
 * <p>
 * Two refreshes with the same token at the same moment both find it current, since Spring
 * Authorization Server takes no lock between the lookup and the save. So a refresh is a
 * compare-and-set: its save locks the authorization and goes through only if it still
 * holds the token this refresh presented; the other is refused like a retired token, and
 * nothing is issued for it. Otherwise the later save would silently retire the token just
 * handed to the first client, whose next refresh would end the session, and both racers
 * would walk away with a working token.
 * <p>
 * The authorization store (Spring Authorization Server's tables), with this on top: a
 * save that replaces a refresh token records the old one's hash, in the same transaction;
 * a lookup of a refresh token nobody holds any more checks those hashes.
 */
@Component
class RefreshTokenReuse implements OAuth2AuthorizationService {

	private static final Logger log = LoggerFactory.getLogger(RefreshTokenReuse.class);

	/**
	 * The hash of the refresh token a lookup was made with, on the authorization it
	 * found; never stored.
	 */
	private static final String PRESENTED = RefreshTokenReuse.class.getName() + ".presented";

	private final OAuth2AuthorizationService authorizations;

	private final RefreshTokenRotations rotations;

	private final Sessions sessions;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration leeway;

	private final Counter sessionsEnded;

	private final Counter withinLeeway;

	RefreshTokenReuse(JdbcTemplate jdbc, RegisteredClientRepository clients, PlatformTransactionManager transactions,
			Clock clock, AuthProperties properties, MeterRegistry meters, RefreshTokenRotations rotations,
			Sessions sessions) {
		this.authorizations = new JdbcOAuth2AuthorizationService(jdbc, clients);
		this.rotations = rotations;
		this.sessions = sessions;
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
		String presented = authorization.getAttribute(PRESENTED);
		OAuth2Authorization toStore = (presented != null)
				? OAuth2Authorization.from(authorization).attributes(attributes -> attributes.remove(PRESENTED)).build()
				: authorization;
		Boolean stored = transactions.execute(status -> store(toStore, presented));
		if (presented != null && !Boolean.TRUE.equals(stored)) {
			// Another refresh with the same token saved first, or the session ended
			// meanwhile: as if this request had come just after, with a retired token.
			rotations.retired(HexFormat.of().parseHex(presented)).ifPresent(this::presentedAgain);
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
		}
	}

	/**
	 * Stores the authorization, unless it replaces the refresh token it was found by and
	 * the database no longer holds that one. The row stays locked until the commit, so
	 * that of two refreshes with one token only the first to lock it goes through.
	 */
	private boolean store(OAuth2Authorization authorization, @Nullable String presented) {
		OAuth2Authorization.Token<OAuth2RefreshToken> next = authorization.getRefreshToken();
		if (next != null) {
			String nextValue = next.getToken().getTokenValue();
			Optional<RefreshTokenRotations.Current> current = rotations.lockCurrent(authorization.getId());
			boolean replacesPresented = presented != null && !presented.equals(RefreshTokenRotations.hex(nextValue));
			if (replacesPresented && current.filter(stored -> stored.hasHash(presented)).isEmpty()) {
				return false;
			}
			current.filter(stored -> stored.replacedBy(nextValue))
				.ifPresent(replaced -> rotations.retire(replaced, authorization.getId()));
		}
		authorizations.save(authorization);
		return true;
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		OAuth2Authorization found = authorizations.findByToken(token, tokenType);
		if (found == null) {
			// The refresh grant only: revocation and introspection look tokens up without
			// a type, and giving back an old token is no sign that someone copied it.
			if (OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
				rotations.retired(RefreshTokenRotations.hash(token)).ifPresent(this::presentedAgain);
			}
			return null;
		}
		OAuth2Authorization.Token<OAuth2RefreshToken> refreshToken = found.getRefreshToken();
		if (refreshToken == null || !refreshToken.getToken().getTokenValue().equals(token)) {
			return found;
		}
		// The refresh grant builds the authorization it saves from this one, attributes
		// included (OAuth2Authorization.from): so its save knows which token it replaces,
		// whatever thread or instance it runs on, and nothing outlives the request.
		return OAuth2Authorization.from(found).attribute(PRESENTED, RefreshTokenRotations.hex(token)).build();
	}

	/**
	 * Whatever happens here, the caller finds no authorization for the token or cannot
	 * save one, so the client gets {@code invalid_grant}: nothing is ever issued for a
	 * retired token.
	 */
	private void presentedAgain(RefreshTokenRotations.Retired retired) {
		OAuth2Authorization session = authorizations.findById(retired.authorizationId());
		if (session == null) {
			return;
		}
		// The clock that wrote rotated_at (this instance's, or a peer's kept in step).
		if (retired.rotatedWithin(leeway, clock.instant())) {
			withinLeeway.increment();
			log.info("A retired refresh token of client {} was presented again within the leeway; session {} goes on",
					session.getRegisteredClientId(), session.getId());
			return;
		}
		if (sessions.end(session.getId(), session.getRegisteredClientId(), SessionEnded.REFRESH_TOKEN_REPLAYED)) {
			sessionsEnded.increment();
			log.warn("A retired refresh token of client {} was presented again; its session {} is ended",
					session.getRegisteredClientId(), session.getId());
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		authorizations.remove(authorization);
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return authorizations.findById(id);
	}

}
