package care.parcours.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The id that ties together the log lines, downstream calls and events caused by one
 * client request. Same header, key and accepted shape as the services' platform starter,
 * so that an id crosses the gateway unchanged.
 *
 * @param value the id as sent on the wire
 */
public record CorrelationId(String value) {

	public static final String HEADER = "X-Correlation-Id";

	/** The logging context (MDC) key, also the Reactor context key. */
	public static final String KEY = "correlationId";

	static final String ATTRIBUTE = CorrelationId.class.getName();

	// Short, printable, no spaces: safe to log and to copy into headers and events.
	private static final Pattern ACCEPTED = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

	public CorrelationId {
		if (!ACCEPTED.matcher(value).matches()) {
			throw new IllegalArgumentException("Not an acceptable correlation id");
		}
	}

	/** The client's id if it is acceptable, else a new one. */
	public static CorrelationId acceptOrGenerate(@Nullable String candidate) {
		return candidate != null && ACCEPTED.matcher(candidate).matches() ? new CorrelationId(candidate) : generate();
	}

	public static CorrelationId generate() {
		return new CorrelationId(UUID.randomUUID().toString());
	}

	/**
	 * The id of the request being handled. Falls back to the request header for the rare
	 * exchange that never went through the filter (an error raised before it ran).
	 */
	public static CorrelationId of(ServerWebExchange exchange) {
		CorrelationId id = exchange.getAttribute(ATTRIBUTE);
		return id != null ? id : acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(HEADER));
	}

}
