package care.parcours.security;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * The tokens the gateway and the services must judge alike, each with its verdict: their
 * own tests build their decoder as in production, trusting {@link #publicKeyPem} on one
 * line with escaped newlines, and feed it {@link #all()}. Minted when asked, around the
 * present, since the decoders read the system clock.
 */
public final class TokenCases {

	public static final String ISSUER = "https://issuer.parcours.test";

	public static final String AUDIENCE = "parcours-api";

	public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	private static final KeyPair TRUSTED = generate();

	private static final KeyPair OTHER = generate();

	private TokenCases() {
	}

	/** The key pair the cases are signed with, trusted through {@link #publicKeyPem}. */
	public static KeyPair trustedKeys() {
		return TRUSTED;
	}

	/** A key pair nobody trusts. */
	public static KeyPair otherKeys() {
		return OTHER;
	}

	/** The trusted key, as a PEM block whose line breaks are real. */
	public static String publicKeyPem() {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(TRUSTED.getPublic().getEncoded());
		return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
	}

	/** The trusted key as an environment variable set on one line carries it. */
	public static String publicKeyPemOnOneLine() {
		return publicKeyPem().replace("\n", "\\n");
	}

	/** Every case, freshly minted. */
	public static Stream<TokenCase> all() {
		Instant now = Instant.now();
		return Stream.of(accepted("valid, typ JWT", signed(JOSEObjectType.JWT, (claims) -> claims)),
				accepted("valid, typ at+jwt", signed(new JOSEObjectType("at+jwt"), (claims) -> claims)),
				accepted("valid, no typ", signed(null, (claims) -> claims)),
				accepted("expired within the clock skew",
						signed((claims) -> claims.expirationTime(Date.from(now.minusSeconds(10))))),
				refused("expired beyond the clock skew",
						signed((claims) -> claims.expirationTime(Date.from(now.minusSeconds(60))))),
				refused("no exp", signed((claims) -> claims.expirationTime(null))),
				refused("not valid before a minute from now",
						signed((claims) -> claims.notBeforeTime(Date.from(now.plusSeconds(60))))),
				refused("typ of an ID token", signed(new JOSEObjectType("id_token+jwt"), (claims) -> claims)),
				refused("wrong issuer", signed((claims) -> claims.issuer("https://elsewhere.test"))),
				refused("wrong audience", signed((claims) -> claims.audience("another-api"))),
				refused("signed with another key", sign(JOSEObjectType.JWT, claims(now, (claims) -> claims), OTHER)),
				refused("claims changed after signing", tampered(now)),
				refused("alg none", new PlainJWT(claims(now, (claims) -> claims)).serialize()),
				refused("HS256 with the public key as secret", hmacWithThePublicKey(now)));
	}

	private static TokenCase accepted(String name, String token) {
		return new TokenCase(name, token, Verdict.ACCEPTED);
	}

	private static TokenCase refused(String name, String token) {
		return new TokenCase(name, token, Verdict.REFUSED);
	}

	private static String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
		return signed(JOSEObjectType.JWT, change);
	}

	private static String signed(JOSEObjectType type, UnaryOperator<JWTClaimsSet.Builder> change) {
		return sign(type, claims(Instant.now(), change), TRUSTED);
	}

	// Issued before the expired cases expire: a Jwt cannot end before it starts.
	private static JWTClaimsSet claims(Instant now, UnaryOperator<JWTClaimsSet.Builder> change) {
		return change
			.apply(new JWTClaimsSet.Builder().issuer(ISSUER)
				.audience(List.of(AUDIENCE))
				.subject("coordinator-1")
				.claim("roles", List.of("coordinator"))
				.issueTime(Date.from(now.minus(Duration.ofMinutes(6))))
				.expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))))
			.build();
	}

	private static String sign(JOSEObjectType type, JWTClaimsSet claims, KeyPair keys) {
		return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).keyID("test").build(), claims,
				new RSASSASigner(keys.getPrivate()));
	}

	private static String tampered(Instant now) {
		String[] parts = signed((claims) -> claims).split("\\.");
		String payload = claims(now, (claims) -> claims.claim("roles", List.of("admin"))).toString();
		parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return String.join(".", parts);
	}

	/** The classic confusion: HS256 with the key everyone knows as the shared secret. */
	private static String hmacWithThePublicKey(Instant now) {
		try {
			return sign(new JWSHeader(JWSAlgorithm.HS256), claims(now, (claims) -> claims),
					new MACSigner(publicKeyPem().getBytes(StandardCharsets.US_ASCII)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private static KeyPair generate() {
		try {
			return new RSAKeyGenerator(2048).generate().toKeyPair();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether a layer lets the token in. */
	public enum Verdict {

		ACCEPTED, REFUSED;

		/**
		 * The verdict of a layer's decoder: refused means refused as a bad token (a 401),
		 * not as a failure to check it (a 503), which is thrown on.
		 */
		public static Verdict of(Runnable decoding) {
			try {
				decoding.run();
				return ACCEPTED;
			}
			catch (BadJwtException ex) {
				return REFUSED;
			}
		}

	}

	/** A token and what both layers must make of it. */
	public record TokenCase(String name, String token, Verdict verdict) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
