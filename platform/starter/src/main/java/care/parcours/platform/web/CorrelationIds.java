package care.parcours.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The correlation id of the work in progress: taken from {@value #HEADER} or generated
 * for a request, taken from the envelope for an event, kept in the logging context so
 * that it is in every log line and copied into every event published meanwhile.
 */
public final class CorrelationIds {

	public static final String HEADER = "X-Correlation-Id";

	/** The logging context (MDC) key. */
	public static final String KEY = "correlationId";

	/** What a client may send: short, printable, no spaces; anything else is replaced. */
	private static final Pattern ACCEPTED = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

	private CorrelationIds() {
	}

	/** The id of the current work, or a new one when there is none. */
	public static String current() {
		String current = MDC.get(KEY);
		return current == null ? generate() : current;
	}

	/** The given id if it is acceptable, else a new one. */
	public static String acceptOrGenerate(@Nullable String candidate) {
		return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : generate();
	}

	public static String generate() {
		return UUID.randomUUID().toString();
	}

	/** Makes {@code id} current until the returned scope is closed. */
	public static Scope open(String id) {
		String previous = MDC.get(KEY);
		MDC.put(KEY, id);
		return () -> {
			if (previous == null) {
				MDC.remove(KEY);
			}
			else {
				MDC.put(KEY, previous);
			}
		};
	}

	/** Restores the previous correlation id when closed. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
