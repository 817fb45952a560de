package care.parcours.gateway;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import care.parcours.security.TokenCases;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Tokens as the authorization server issues them, signed with a key pair made for the
 * test run, and the ways they go wrong. The gateway under test trusts the pair's public
 * key through {@code parcours.security.public-key}.
 */
final class TestTokens {

	static final String ISSUER = "http://issuer.parcours.test";

	static final String AUDIENCE = "parcours-api";

	static final KeyPair keys = TokenCases.trustedKeys();

	static final KeyPair otherKeys = TokenCases.otherKeys();

	private TestTokens() {
	}

	/**
	 * Trust this run's key and issuer, with rate limit buckets of the test class' own.
	 */
	static void trustTestKeys(DynamicPropertyRegistry registry) {
		registry.add("parcours.security.public-key", TestTokens::publicKeyPem);
		registry.add("parcours.security.issuer", () -> ISSUER);
		registry.add("parcours.gateway.rate-limits.key-prefix", () -> "test:" + UUID.randomUUID());
	}

	/**
	 * As {@link #trustTestKeys}, but the keys come from the JWK set at {@code uri}, as
	 * from an issuer, instead of this run's public key.
	 */
	static void trustJwkSetAt(DynamicPropertyRegistry registry, Supplier<Object> uri) {
		trustTestKeys(registry);
		registry.add("parcours.security.public-key", () -> "");
		registry.add("parcours.security.jwk-set-uri", uri);
	}

	static String publicKeyPem() {
		return TokenCases.publicKeyPem();
	}

	static String jwkSet() {
		return new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID("test").build()).toString();
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

	/** A partner system's client credentials token. */
	static String forClient(String clientId) {
		return signed((claims) -> claims.subject(clientId)
			.claim("client_id", clientId)
			.claim("roles", List.of("partner"))
			.claim("partner_id", UUID.randomUUID().toString()));
	}

	/** A person signed in through a front end. */
	static String forUser(String subject) {
		return signed((claims) -> claims.subject(subject)
			.claim("client_id", "parcours-web")
			.claim("roles", List.of("coordinator")));
	}

	/** Valid, with the claims changed as the test says. */
	static String signed(Consumer<JWTClaimsSet.Builder> change) {
		return sign(claims(change), keys);
	}

	static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(List.of(AUDIENCE))
			.subject("coordinator-1")
			.claim("client_id", "parcours-web")
			.claim("scope", "openid")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
		change.accept(claims);
		return claims.build();
	}

	static String sign(JWTClaimsSet claims, KeyPair with) {
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("test").build(), claims);
			jwt.sign(new RSASSASigner(with.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Unsigned: {@code alg: none}. */
	static String unsigned() {
		return new PlainJWT(claims((claims) -> {
		})).serialize();
	}

	/**
	 * The classic confusion attack: HS256 with the issuer's public key, which everyone
	 * knows, as the shared secret.
	 */
	static String hmacWithThePublicKeyAsSecret() {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims((claims) -> {
			}));
			jwt.sign(new MACSigner(publicKeyPem().getBytes(StandardCharsets.US_ASCII)));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A valid token whose claims were changed after signing. */
	static String tampered() {
		String[] parts = signed((claims) -> {
		}).split("\\.");
		String payload = claims((claims) -> claims.claim("roles", List.of("admin"))).toString();
		parts[1] = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		return String.join(".", parts);
	}

}
