package care.parcours.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand: it runs with real time, and {@link #advance} jumps it
 * ahead, so that a hold can lapse or an appointment begin without waiting for it.
 * Annotate the test class {@link WithMutableClock} to make it the application's
 * {@code Clock}.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("Parcours keeps time in UTC");
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}

	/** Moves the clock ahead; time keeps running from there. */
	public void advance(Duration by) {
		offset.updateAndGet(current -> current.plus(by));
	}

	/**
	 * Back to real time. {@link MutableClocks} does it before and after every test method
	 * of a Spring test, so a test never has to.
	 */
	public void reset() {
		offset.set(Duration.ZERO);
	}

}
