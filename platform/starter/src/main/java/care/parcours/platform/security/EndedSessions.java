package care.parcours.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import care.parcours.events.auth.SessionEnded;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The people's sessions the authorization server ended (a logout, a stolen refresh
 * token), learnt from its events. An access token issued in such a session (its
 * {@code sid} claim names it) is refused even though it has not expired: no token is
 * issued in a session after it ends, so every token naming it is refused. Checked on
 * every request, so it reads from memory, re-read from the table every instance of the
 * service shares when older than the configured refresh.
 */
public class EndedSessions implements EventHandler<SessionEnded>, OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error ENDED = new OAuth2Error("invalid_token", "The session was ended.", null);

	/**
	 * How long an ended session is remembered: longer than any access token lives (15
	 * minutes by default), so that its tokens have all expired when it is forgotten.
	 */
	static final Duration REMEMBERED = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Snapshot<Set<String>> ended;

	public EndedSessions(JdbcClient jdbc, Clock clock, Duration refresh) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ended = new Snapshot<>(this::read, Set.of(), clock, refresh);
	}

	@Override
	public void handle(SessionEnded event, EventMetadata metadata) {
		this.jdbc.sql("""
				insert into parcours_platform.ended_session (session_id, ended_at) values (:sessionId, :endedAt)
				on conflict (session_id) do nothing
				""").param("sessionId", event.sessionId()).param("endedAt", Timestamp.from(event.endedAt())).update();
		this.jdbc.sql("delete from parcours_platform.ended_session where ended_at < :forgotten")
			.param("forgotten", Timestamp.from(this.clock.instant().minus(REMEMBERED)))
			.update();
		this.ended.expire();
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		String sessionId = token.getClaimAsString(TokenClaims.SESSION_ID);
		if (sessionId != null && this.ended.current().contains(sessionId)) {
			return OAuth2TokenValidatorResult.failure(ENDED);
		}
		return OAuth2TokenValidatorResult.success();
	}

	private Set<String> read() {
		return Set.copyOf(
				this.jdbc.sql("select session_id from parcours_platform.ended_session where ended_at >= :remembered")
					.param("remembered", Timestamp.from(this.clock.instant().minus(REMEMBERED)))
					.query(String.class)
					.list());
	}

}
