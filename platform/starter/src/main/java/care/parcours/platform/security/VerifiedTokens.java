package care.parcours.platform.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers the tokens whose signature it has verified, so that a client sending the same
 * token again (every request of its session) costs a map lookup instead of a JSON parse
 * and an RSA signature check. The claim checks (expiry, issuer, audience, revocation)
 * still run on every request: a remembered token that has expired or whose client was
 * revoked is refused at once and forgotten. Keyed by the whole token, signature included:
 * only a token identical to one that passed is taken on trust.
 */
final class VerifiedTokens implements JwtDecoder {

	// Forget everything when full: simpler than an LRU and enough, since a forgotten
	// token is merely verified again.
	private static final int CAPACITY = 10_000;

	private final JwtDecoder decoder;

	private final OAuth2TokenValidator<Jwt> claims;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	/**
	 * @param decoder verifies the signature and the claims of a token it has not seen
	 * @param claims the claim checks to run again on a token already verified
	 */
	VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> claims) {
		this.decoder = decoder;
		this.claims = claims;
	}

	@Override
	public Jwt decode(String token) {
		Jwt known = this.verified.get(token);
		if (known == null) {
			Jwt jwt = this.decoder.decode(token);
			remember(token, jwt);
			return jwt;
		}
		OAuth2TokenValidatorResult result = this.claims.validate(known);
		if (result.hasErrors()) {
			this.verified.remove(token);
			throw new JwtValidationException("The token is no longer valid", result.getErrors());
		}
		return known;
	}

	private void remember(String token, Jwt jwt) {
		if (this.verified.size() >= CAPACITY) {
			this.verified.clear();
		}
		this.verified.put(token, jwt);
	}

}
