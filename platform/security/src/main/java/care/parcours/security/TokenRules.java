package care.parcours.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;

/**
 * The rules a Parcours access token meets, the same at the gateway and in every service
 * (docs/adr/0005-token-validation.md), so that no token passes one layer and fails the
 * other: signed with {@link #SIGNATURE_ALGORITHM} only, so that neither {@code alg: none}
 * nor an HMAC token signed with the public key as its secret gets through; a {@code typ}
 * header, if any, of {@code JWT} or {@code at+jwt} (RFC 9068), which keeps out ID tokens
 * and logout tokens typed as such; an {@code exp}, since a token without one would be
 * valid for ever, not passed, and an {@code nbf}, if any, reached, both give or take the
 * clock skew; the issuer exactly; the audience among the {@code aud} values.
 *
 * @param issuer the {@code iss} every token carries
 * @param audience a value the token's {@code aud} contains
 * @param clockSkew how far the issuer's clock and ours may disagree on {@code exp} and
 * {@code nbf}
 */
public record TokenRules(String issuer, String audience, Duration clockSkew) {

	/**
	 * The one algorithm accepted, given to the decoders as their only JWS algorithm. The
	 * decoders' own {@code typ} check is turned off: {@link #validator} makes it.
	 */
	public static final SignatureAlgorithm SIGNATURE_ALGORITHM = SignatureAlgorithm.RS256;

	/**
	 * How long connecting to the issuer, and then its answer, may take when its signing
	 * keys are fetched, at either layer: they are fetched on a request's path (the first,
	 * and one naming an unknown key), so a slow issuer must not hold requests for long.
	 */
	public static final Duration KEY_FETCH_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * Where the issuer publishes its signing keys: the URI configured, else
	 * {@code <issuer>/oauth2/jwks}, where Spring Authorization Server (ours) publishes
	 * them. Blank counts as not configured, as an empty environment variable gives.
	 */
	public String jwkSetUri(@Nullable String configured) {
		return jwkSetUris(configured).getFirst().toString();
	}

	/**
	 * Every address of the issuer's signing keys, the first one tried first: the
	 * configured URIs, comma-separated (one per instance of the authorization server,
	 * when no load balancer stands in front of them), else the one of {@link #jwkSetUri}.
	 * Keys fetched from one are the others' too: the instances share them through their
	 * database.
	 */
	public List<URI> jwkSetUris(@Nullable String configured) {
		List<URI> given = (configured != null) ? Arrays.stream(configured.split(","))
			.map(String::strip)
			.filter((uri) -> !uri.isEmpty())
			.map(URI::create)
			.toList() : List.of();
		return given.isEmpty() ? List.of(URI.create(this.issuer.replaceAll("/+$", "") + "/oauth2/jwks")) : given;
	}

	/**
	 * The claim and header checks, for a decoder's {@code setJwtValidator}.
	 * @param clock the clock {@code exp} and {@code nbf} are read against: the system's,
	 * since the issuer mints on real time, but for tests
	 */
	public OAuth2TokenValidator<Jwt> validator(Clock clock) {
		JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
		type.setAllowEmpty(true);
		JwtTimestampValidator time = new JwtTimestampValidator(this.clockSkew);
		time.setAllowEmptyExpiryClaim(false);
		time.setClock(clock);
		return new DelegatingOAuth2TokenValidator<>(type, time, new JwtIssuerValidator(this.issuer),
				new JwtAudienceValidator(this.audience));
	}

}
