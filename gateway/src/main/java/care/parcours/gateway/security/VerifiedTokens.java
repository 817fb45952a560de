package care.parcours.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers the tokens it has verified until they expire, so that a client sending the
 * same token again (every request of its session) costs a map lookup, not an RSA
 * signature check and a JSON parse. Keyed by the whole token, signature included: only a
 * token identical to one that passed every check is taken on trust. The trade-off: a
 * token signed with a key the issuer has since withdrawn stays accepted here until it
 * expires (minutes); the services check every token again, revocation included.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	// Bounded by a blunt rule, forget everything when full: simpler than an LRU and
	// enough, since a forgotten token is merely verified again.
	private static final int CAPACITY = 10_000;

	private final ReactiveJwtDecoder decoder;

	private final Clock clock;

	private final Duration clockSkew;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	VerifiedTokens(ReactiveJwtDecoder decoder, Clock clock, Duration clockSkew) {
		this.decoder = decoder;
		this.clock = clock;
		this.clockSkew = clockSkew;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.verified.get(token);
		if (known != null) {
			if (isLive(known)) {
				return Mono.just(known);
			}
			this.verified.remove(token);
		}
		return this.decoder.decode(token).doOnNext((jwt) -> remember(token, jwt));
	}

	private boolean isLive(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		return expiresAt != null && this.clock.instant().isBefore(expiresAt.plus(this.clockSkew));
	}

	private void remember(String token, Jwt jwt) {
		if (this.verified.size() >= CAPACITY) {
			this.verified.clear();
		}
		this.verified.put(token, jwt);
	}

}
