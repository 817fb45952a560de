package care.parcours.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import care.parcours.security.TokenRules;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks bearer tokens, under {@code parcours.security}. The defaults fit
 * Parcours' own authorization server; another OIDC provider (Keycloak, say) is a matter
 * of issuer, JWK set, audience and roles claim.
 *
 * @param issuer the {@code iss} every token must carry
 * @param jwkSetUri where the issuer publishes its signing keys;
 * {@code <issuer>/oauth2/jwks} when absent; comma-separated, one per instance of the
 * issuer, tried in turn
 * @param publicKey a PEM RSA public key to verify signatures with instead of the JWK set:
 * for tests and benchmarks that mint their own tokens
 * @param audience the {@code aud} value every token must include
 * @param rolesClaim the claim holding the roles, a dotted path for nested claims
 * ({@code realm_access.roles} for Keycloak)
 * @param clockSkew how far the clocks of issuer and service may disagree on expiry
 * @param revocationRefresh how often the revoked clients and the ended sessions are
 * re-read from the database, so that every instance refuses their tokens within that
 * delay
 */
@ConfigurationProperties("parcours.security")
public record ParcoursSecurityProperties(@DefaultValue("http://localhost:9000") String issuer,
		@Nullable String jwkSetUri, @Nullable String publicKey, @DefaultValue("parcours-api") String audience,
		@DefaultValue("roles") String rolesClaim, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("5s") Duration revocationRefresh) {

	/** The JWK set of the issuer, given or derived; the first, when several are given. */
	public String effectiveJwkSetUri() {
		return tokenRules().jwkSetUri(jwkSetUri);
	}

	/** Every address of the issuer's JWK set, tried in this order. */
	public List<URI> effectiveJwkSetUris() {
		return tokenRules().jwkSetUris(jwkSetUri);
	}

	/**
	 * Whether signatures are checked against a configured key rather than the JWK set.
	 */
	public boolean hasPublicKey() {
		return publicKey != null && !publicKey.isBlank();
	}

	/** The rules every token meets, here as at the gateway. */
	public TokenRules tokenRules() {
		return new TokenRules(issuer, audience, clockSkew);
	}

}
