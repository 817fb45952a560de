package care.parcours.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import care.parcours.security.TokenRules;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are checked; the same names the services use, so that one set of variables
 * configures the whole platform.
 *
 * @param issuer the {@code iss} every token must carry, exactly
 * @param jwkSetUri where the issuer publishes its signing keys; fetched on first use and
 * again when a token names an unknown key; {@code <issuer>/oauth2/jwks} when absent or
 * blank, as in the services; comma-separated, one per instance of the issuer, tried in
 * turn
 * @param audience a value the token's {@code aud} must contain
 * @param publicKey a PEM RSA public key ({@code -----BEGIN PUBLIC KEY-----}) used instead
 * of the JWK set, for tests and benchmarks that sign their own tokens
 * @param clockSkew how far the gateway's clock may disagree with the issuer's on
 * {@code exp} and {@code nbf}
 */
@ConfigurationProperties("parcours.security")
record SecurityProperties(String issuer, @Nullable String jwkSetUri, @DefaultValue("parcours-api") String audience,
		@Nullable String publicKey, @DefaultValue("30s") Duration clockSkew) {

	boolean hasPublicKey() {
		return this.publicKey != null && !this.publicKey.isBlank();
	}

	/** The JWK set of the issuer, given or derived, as the services derive it. */
	String effectiveJwkSetUri() {
		return tokenRules().jwkSetUri(this.jwkSetUri);
	}

	/** Every address of the issuer's JWK set, tried in this order. */
	List<URI> effectiveJwkSetUris() {
		return tokenRules().jwkSetUris(this.jwkSetUri);
	}

	TokenRules tokenRules() {
		return new TokenRules(this.issuer, this.audience, this.clockSkew);
	}

}
