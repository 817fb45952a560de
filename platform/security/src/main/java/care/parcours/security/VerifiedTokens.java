package care.parcours.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers the tokens it has seen verified, so that a client sending the same token
 * again (every request of its session) costs a map lookup and the claim checks instead of
 * a JSON parse and an RSA signature check. The claim checks run again on every recall: a
 * remembered token that has expired (or, in a service, whose client was revoked or whose
 * session ended) is refused at once and forgotten. Keyed by the whole token, signature
 * included: only a token identical to one that passed is taken on trust. The trade-off: a
 * token signed with a key the issuer has since withdrawn stays accepted until it expires
 * (minutes).
 * <p>
 * The servlet services put it {@link #inFrontOf in front of} their decoder; the reactive
 * gateway does the same with {@link #recall} and {@link #remember}.
 */
public final class VerifiedTokens {

	// Forget everything when full: simpler than an LRU and enough, since a forgotten
	// token is merely verified again.
	static final int CAPACITY = 10_000;

	private final OAuth2TokenValidator<Jwt> claims;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	/**
	 * @param claims the checks to run again on a token already verified: the decoder's
	 * own
	 */
	public VerifiedTokens(OAuth2TokenValidator<Jwt> claims) {
		this.claims = claims;
	}

	/** A decoder asking {@code verifier} only about tokens it does not remember. */
	public JwtDecoder inFrontOf(JwtDecoder verifier) {
		return (token) -> recall(token).orElseGet(() -> remember(token, verifier.decode(token)));
	}

	/**
	 * The token's claims if it was verified before and its claims still pass.
	 * @throws JwtValidationException if it was, but they no longer pass
	 */
	public Optional<Jwt> recall(String token) {
		Jwt known = this.verified.get(token);
		if (known == null) {
			return Optional.empty();
		}
		OAuth2TokenValidatorResult result = this.claims.validate(known);
		if (result.hasErrors()) {
			this.verified.remove(token);
			throw new JwtValidationException("The token is no longer valid", result.getErrors());
		}
		return Optional.of(known);
	}

	/** Takes a token its decoder verified, signature and claims, on trust from now on. */
	public Jwt remember(String token, Jwt jwt) {
		if (this.verified.size() >= CAPACITY) {
			this.verified.clear();
		}
		this.verified.put(token, jwt);
		return jwt;
	}

}
