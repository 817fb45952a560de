package care.parcours.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * Whose bucket a request takes from: a client that authenticated as itself (client
 * credentials: no user, or a subject that is the client), else the user, else the remote
 * address. Hashed, so that no user name or address is written to Redis.
 *
 * @param value what the Redis key is made of
 */
record RateLimitKey(String value) {

	static final String CLIENT_ID = "client_id";

	private static final MessageDigest SHA_256;

	static {
		try {
			SHA_256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	static Mono<RateLimitKey> of(Policy policy, ServerWebExchange exchange) {
		if (policy == Policy.LOGIN) {
			return Mono.just(ofAddress(exchange));
		}
		return exchange.getPrincipal()
			.filter(JwtAuthenticationToken.class::isInstance)
			.map((principal) -> ofToken(((JwtAuthenticationToken) principal).getToken()))
			.switchIfEmpty(Mono.fromSupplier(() -> ofAddress(exchange)));
	}

	static RateLimitKey ofToken(Jwt token) {
		String client = token.getClaimAsString(CLIENT_ID);
		String subject = token.getSubject();
		if (client != null && (subject == null || subject.equals(client))) {
			return hashed("client", client);
		}
		return hashed("user", Objects.requireNonNullElse(subject, "anonymous"));
	}

	static RateLimitKey ofAddress(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		@Nullable String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
		return hashed("address", Objects.requireNonNullElse(address, "unknown"));
	}

	private static RateLimitKey hashed(String kind, String identity) {
		byte[] digest = sha256().digest(identity.getBytes(StandardCharsets.UTF_8));
		// 128 bits: collisions between callers are not a concern at that length.
		return new RateLimitKey(kind + ":" + HexFormat.of().formatHex(digest, 0, 16));
	}

	// Cloning a digest is much cheaper than looking one up by name on every request.
	private static MessageDigest sha256() {
		try {
			return (MessageDigest) SHA_256.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("SHA-256 digests of the JDK can be cloned", ex);
		}
	}

}
