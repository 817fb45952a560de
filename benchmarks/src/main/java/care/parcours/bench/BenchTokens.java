package care.parcours.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The run's own token issuer: a key pair made for the run, which the services it starts
 * trust instead of the authorization server ({@code PARCOURS_SECURITY_PUBLIC_KEY}), so
 * that measuring a service does not measure the authorization server too. Its tokens are
 * shaped as the authorization server issues them (RS256, the platform's audience, roles
 * claim) and valid for the whole run.
 */
final class BenchTokens {

	static final String ISSUER = "http://bench.parcours.local";

	/** Every staff role: a benchmark reads and writes as the staff would. */
	private static final List<String> STAFF_ROLES = List.of("coordinator", "assistant", "billing", "admin", "ops");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KeyPair keys;

	BenchTokens() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("No RSA key pair generator", ex);
		}
	}

	/** What a service needs to trust this run's tokens and nothing else. */
	Map<String, String> environment() {
		return Map.of("PARCOURS_SECURITY_ISSUER", ISSUER, "PARCOURS_SECURITY_PUBLIC_KEY", publicKeyPem());
	}

	/** An {@code Authorization} header value for a client with every staff role. */
	String bearer(String clientId) {
		return bearer(clientId, STAFF_ROLES);
	}

	/**
	 * An {@code Authorization} header value for a client with these roles only (what one
	 * kind of staff sees).
	 */
	String bearer(String clientId, List<String> roles) {
		return "Bearer " + token(clientId, roles);
	}

	private String token(String clientId, List<String> roles) {
		Instant now = Instant.now();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", ISSUER);
		claims.put("sub", clientId);
		claims.put("aud", List.of("parcours-api"));
		claims.put("client_id", clientId);
		claims.put("roles", roles);
		claims.put("scope", "parcours");
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.plus(Duration.ofHours(4)).getEpochSecond());
		String header = base64Url(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", "bench")));
		String payload = base64Url(JSON.writeValueAsBytes(claims));
		try {
			Signature signature = Signature.getInstance("SHA256withRSA");
			signature.initSign(this.keys.getPrivate());
			signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
			return header + "." + payload + "." + base64Url(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign a bench token", ex);
		}
	}

	private String publicKeyPem() {
		return "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(this.keys.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
