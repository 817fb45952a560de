package care.parcours.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.RuleViolationException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a POST once per {@code Idempotency-Key}. The key is claimed, the request's effect
 * runs and its answer is stored, all in one transaction: a retry that arrives while the
 * first attempt is in flight waits for it, a retry after it gets the stored answer, and a
 * first attempt that failed leaves no trace, so its retry runs again. A transaction that
 * PostgreSQL aborted for losing to concurrent ones is tried again whole, key and effect,
 * in a fresh transaction, as {@code @RetryOnContention} would: the effect joins this
 * transaction, so it is tried again here rather than on its own.
 */
public class IdempotentRequests {

	/**
	 * The request header, as in the IETF draft "The Idempotency-Key HTTP Header Field".
	 */
	public static final String HEADER = "Idempotency-Key";

	/** Set on an answer that is a replay of the stored one. */
	public static final String REPLAYED = "Idempotent-Replayed";

	private static final Pattern ACCEPTED = Pattern.compile("^[A-Za-z0-9._:-]{8,128}$");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final RetryTemplate retries;

	/**
	 * @param retries tries the transaction again when PostgreSQL aborted it for
	 * concurrent ones ({@code ContentionRetryProperties.policy()})
	 */
	public IdempotentRequests(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json,
			RetryTemplate retries) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.retries = retries;
	}

	/**
	 * @param key the client's key, or null to run the request as it is
	 * @param scope what the key is for, such as {@code POST /api/appointments}
	 * @param request the request body, whose fingerprint a reused key must match
	 * @param effect the request's effect and answer; it joins the transaction, and may
	 * run again when the transaction is tried again
	 */
	public ResponseEntity<?> run(@Nullable String key, String scope, Object request,
			Supplier<ResponseEntity<?>> effect) {
		if (key == null) {
			return effect.get();
		}
		if (!ACCEPTED.matcher(key).matches()) {
			throw InvalidRequestException.ofField(HEADER, "must be 8 to 128 letters, digits or . _ : -");
		}
		String fingerprint = fingerprint(request);
		return retries.invoke(() -> once(scope, key, fingerprint, effect));
	}

	private ResponseEntity<?> once(String scope, String key, String fingerprint, Supplier<ResponseEntity<?>> effect) {
		return transactions.execute(status -> {
			int claimed = jdbc.sql("""
					insert into parcours_platform.idempotent_request (scope, key, fingerprint)
					values (?, ?, ?) on conflict do nothing
					""").params(scope, key, fingerprint).update();
			if (claimed == 0) {
				return replay(scope, key, fingerprint);
			}
			ResponseEntity<?> first = effect.get();
			jdbc.sql("update parcours_platform.idempotent_request set status = ?, location = ?, etag = ?, body = ?"
					+ " where scope = ? and key = ?")
				.params(first.getStatusCode().value(),
						first.getHeaders().getLocation() == null ? null : first.getHeaders().getLocation().toString(),
						first.getHeaders().getETag(),
						first.getBody() == null ? null : json.writeValueAsString(first.getBody()), scope, key)
				.update();
			return first;
		});
	}

	/** Forgets keys older than {@code age}; clients retry within minutes, not days. */
	public int forgetOlderThan(Duration age) {
		return jdbc.sql("delete from parcours_platform.idempotent_request where created_at < now() - ?::interval")
			.param(age.toSeconds() + " seconds")
			.update();
	}

	private ResponseEntity<?> replay(String scope, String key, String fingerprint) {
		Map<String, Object> stored = jdbc
			.sql("select fingerprint, status, location, etag, body from parcours_platform.idempotent_request"
					+ " where scope = ? and key = ?")
			.params(scope, key)
			.query()
			.singleRow();
		if (!fingerprint.equals(stored.get("fingerprint"))) {
			throw new RuleViolationException("idempotency-key-reused",
					"This Idempotency-Key was used for a different request; use a new key for a new request.");
		}
		HttpHeaders headers = new HttpHeaders();
		headers.set(REPLAYED, "true");
		if (stored.get("location") instanceof String location) {
			headers.setLocation(URI.create(location));
		}
		// The version the first answer announced: a client that retried a create still
		// needs it for its first If-Match.
		if (stored.get("etag") instanceof String etag) {
			headers.setETag(etag);
		}
		ResponseEntity.BodyBuilder builder = ResponseEntity
			.status(HttpStatusCode.valueOf((Integer) stored.get("status")))
			.headers(headers);
		return stored.get("body") instanceof String body ? builder.contentType(MediaType.APPLICATION_JSON).body(body)
				: builder.build();
	}

	private String fingerprint(Object request) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
