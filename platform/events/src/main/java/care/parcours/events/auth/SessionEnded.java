package care.parcours.events.auth;

import java.time.Instant;

import care.parcours.events.EventType;

/**
 * A person's session ended before its tokens expired: it obtains no more tokens, and
 * resource servers refuse the access tokens issued in it (they carry its id in their
 * {@code sid} claim) even though they have not expired yet.
 *
 * @param sessionId the session's id, as in the {@code sid} claim of its access tokens
 * @param endedAt when it ended (UTC)
 * @param reason why it ended: {@value #LOGGED_OUT} or {@value #REFRESH_TOKEN_REPLAYED}
 * for now; a string, so that a reason added later reaches older consumers as a value they
 * may ignore rather than one they cannot read
 */
@EventType("auth.session.ended.v1")
public record SessionEnded(String sessionId, Instant endedAt, String reason) implements AuthEvent {

	/**
	 * The person logged out: the front end revoked its tokens or ended the session at the
	 * authorization server.
	 */
	public static final String LOGGED_OUT = "logged-out";

	/**
	 * A refresh token already replaced came back: someone holds a copy, so the session is
	 * no longer trusted.
	 */
	public static final String REFRESH_TOKEN_REPLAYED = "refresh-token-replayed";

}
