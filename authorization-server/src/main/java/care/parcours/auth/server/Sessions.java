package care.parcours.auth.server;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import care.parcours.events.auth.SessionEnded;
import care.parcours.platform.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's session is the authorization their login created (Spring Authorization
 * Server's {@code oauth2_authorization} row): each refresh keeps it, and its access
 * tokens name it in their {@code sid} claim. Ending it deletes the row, so that its
 * refresh token stops working, and announces it, so that the services refuse its access
 * tokens before they expire; both in one transaction.
 */
@Component
class Sessions {

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<String, Counter> ended;

	Sessions(JdbcClient jdbc, Outbox outbox, PlatformTransactionManager transactions, Clock clock,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.ended = Stream.of(SessionEnded.LOGGED_OUT, SessionEnded.REFRESH_TOKEN_REPLAYED)
			.collect(Collectors.toUnmodifiableMap(Function.identity(),
					reason -> Counter.builder("parcours.auth.sessions_ended")
						.description("People's sessions ended before their tokens expired")
						.tag("reason", reason)
						.register(meters)));
	}

	/**
	 * Ends the session, unless it has ended already, is not a person's (a client's own
	 * authorization, from the client-credentials grant, has none) or is not the given
	 * client's.
	 * @param registeredClientId the client whose session it must be (its registration's
	 * id, as
	 * {@link org.springframework.security.oauth2.server.authorization.OAuth2Authorization#getRegisteredClientId()})
	 * @param reason one of {@link SessionEnded}'s reasons
	 * @return whether this call ended it
	 */
	boolean end(String sessionId, String registeredClientId, String reason) {
		boolean endedNow = Boolean.TRUE.equals(transactions.execute(status -> {
			int deleted = jdbc.sql("""
					delete from oauth2_authorization
					where id = ? and registered_client_id = ? and authorization_grant_type = ?
					""")
				.params(sessionId, registeredClientId, AuthorizationGrantType.AUTHORIZATION_CODE.getValue())
				.update();
			if (deleted == 0) {
				return false;
			}
			outbox.publish(new SessionEnded(sessionId, clock.instant(), reason), sessionId, 1);
			return true;
		}));
		if (endedNow) {
			ended.get(reason).increment();
		}
		return endedNow;
	}

	/**
	 * Whether the session goes on: not ended, nor forgotten after its refresh token
	 * expired.
	 */
	boolean isOpen(String sessionId) {
		return jdbc.sql("select exists (select 1 from oauth2_authorization where id = ?)")
			.param(sessionId)
			.query(Boolean.class)
			.single();
	}

}
