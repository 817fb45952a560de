package care.parcours.test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

/**
 * Access tokens for tests, shaped like the authorization server's and signed with a key
 * pair made once per test JVM. Services under {@link ParcoursTest} trust its public key;
 * {@link #forger()} signs with another one, for the tokens they must refuse.
 */
public final class TestTokens {

	/** The issuer services under test expect. */
	public static final String ISSUER = "http://localhost:9000";

	/** The audience services under test expect. */
	public static final String AUDIENCE = "parcours-api";

	/** Every staff role: what the default caller of a {@link ParcoursTest} holds. */
	public static final List<String> STAFF = List.of("coordinator", "assistant", "billing", "admin", "ops");

	private static final KeyPair TRUSTED = generate();

	private static final KeyPair FORGER = generate();

	private TestTokens() {
	}

	/** A person holding the given roles. */
	public static Token staff(String... roles) {
		return new Token(TRUSTED, "staff-" + String.join("-", roles), null, List.of(roles), null, List.of(), ISSUER,
				List.of(AUDIENCE), Duration.ofMinutes(10), Instant.now(), null);
	}

	/** A partner client of the given partner, with every partner scope. */
	public static Token partner(UUID partnerId) {
		String clientId = "partner-" + partnerId.toString().substring(0, 8);
		return new Token(TRUSTED, clientId, clientId, List.of("partner"), partnerId,
				List.of("partner.availability.write", "partner.appointments.read", "partner.quotes.read"), ISSUER,
				List.of(AUDIENCE), Duration.ofMinutes(10), Instant.now(), null);
	}

	/** Signs with a key no service trusts. */
	public static KeyPair forger() {
		return FORGER;
	}

	/** The PEM public key services under test verify signatures with. */
	public static String publicKeyPem() {
		return "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(TRUSTED.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
	}

	/** The {@code Authorization} value of the default caller: every staff role. */
	static String defaultBearer() {
		// Lives as long as a test class might run, since its context keeps it.
		return staff(STAFF.toArray(String[]::new)).subject("test-staff")
			.issued(Instant.now(), Duration.ofHours(3))
			.bearer();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A token to be; each method returns a changed copy, {@link #bearer()} signs it.
	 */
	public record Token(KeyPair keys, String subject, @Nullable String clientId, List<String> roles,
			@Nullable UUID partnerId, List<String> scopes, String issuer, List<String> audience, Duration lifetime,
			Instant issuedAt, @Nullable String sessionId) {

		public Token subject(String subject) {
			return new Token(keys, subject, clientId, roles, partnerId, scopes, issuer, audience, lifetime, issuedAt,
					sessionId);
		}

		public Token clientId(String clientId) {
			return new Token(keys, subject, clientId, roles, partnerId, scopes, issuer, audience, lifetime, issuedAt,
					sessionId);
		}

		public Token scopes(String... scopes) {
			return new Token(keys, subject, clientId, roles, partnerId, List.of(scopes), issuer, audience, lifetime,
					issuedAt, sessionId);
		}

		public Token issuer(String issuer) {
			return new Token(keys, subject, clientId, roles, partnerId, scopes, issuer, audience, lifetime, issuedAt,
					sessionId);
		}

		public Token audience(String... audience) {
			return new Token(keys, subject, clientId, roles, partnerId, scopes, issuer, List.of(audience), lifetime,
					issuedAt, sessionId);
		}

		/** Issued at {@code issuedAt}, expiring {@code lifetime} later. */
		public Token issued(Instant issuedAt, Duration lifetime) {
			return new Token(keys, subject, clientId, roles, partnerId, scopes, issuer, audience, lifetime, issuedAt,
					sessionId);
		}

		/** Issued in a person's session, named by its {@code sid} claim. */
		public Token session(String sessionId) {
			return new Token(keys, subject, clientId, roles, partnerId, scopes, issuer, audience, lifetime, issuedAt,
					sessionId);
		}

		public Token signedBy(KeyPair keys) {
			return new Token(keys, subject, clientId, roles, partnerId, scopes, issuer, audience, lifetime, issuedAt,
					sessionId);
		}

		/** The signed JWT. */
		public String jwt() {
			JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject)
				.issuer(issuer)
				.audience(audience)
				.issueTime(Date.from(issuedAt))
				.notBeforeTime(Date.from(issuedAt))
				.expirationTime(Date.from(issuedAt.plus(lifetime)))
				.jwtID(UUID.randomUUID().toString())
				.claim("roles", roles);
			if (clientId != null) {
				claims.claim("client_id", clientId);
			}
			if (partnerId != null) {
				claims.claim("partner_id", partnerId.toString());
			}
			if (!scopes.isEmpty()) {
				claims.claim("scope", String.join(" ", scopes));
			}
			if (sessionId != null) {
				claims.claim("sid", sessionId);
			}
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(),
					claims.build());
			try {
				jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
			return jwt.serialize();
		}

		/** {@code Bearer <jwt>}, for the {@code Authorization} header. */
		public String bearer() {
			return "Bearer " + jwt();
		}

	}

}
