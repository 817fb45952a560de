package care.parcours.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read from the database and kept in memory until it is older than the refresh
 * delay: what every request checks must not cost a query, and what another instance of
 * the service wrote must still arrive within that delay.
 *
 * @param <T> the value
 */
final class Snapshot<T> {

	private final Supplier<T> read;

	private final Clock clock;

	private final Duration refresh;

	private volatile T value;

	private volatile Instant readAt = Instant.MIN;

	Snapshot(Supplier<T> read, T initial, Clock clock, Duration refresh) {
		this.read = read;
		this.value = initial;
		this.clock = clock;
		this.refresh = refresh;
	}

	T current() {
		Instant now = this.clock.instant();
		if (this.readAt.isBefore(now.minus(this.refresh))) {
			this.value = this.read.get();
			this.readAt = now;
		}
		return this.value;
	}

	/** Reads the value again at the next {@link #current()}. */
	void expire() {
		this.readAt = Instant.MIN;
	}

}
