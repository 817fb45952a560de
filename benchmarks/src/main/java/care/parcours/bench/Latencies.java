package care.parcours.bench;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;

/** Latencies recorded from many threads, read as percentiles in milliseconds. */
public final class Latencies {

	private final ConcurrentHistogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(1), 3);

	public void record(long startedNanos) {
		histogram.recordValue(Math.min(System.nanoTime() - startedNanos, histogram.getHighestTrackableValue()));
	}

	/** Adds another's samples to these. */
	public void add(Latencies other) {
		histogram.add(other.histogram);
	}

	public long count() {
		return histogram.getTotalCount();
	}

	public double percentileMillis(double percentile) {
		return histogram.getValueAtPercentile(percentile) / 1_000_000.0;
	}

	public String summary() {
		return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)", percentileMillis(50),
				percentileMillis(95), percentileMillis(99), histogram.getMaxValue() / 1_000_000.0, count());
	}

}
