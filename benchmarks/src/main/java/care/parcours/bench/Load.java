package care.parcours.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a number of clients in a closed loop for a fixed time, after a warm-up whose
 * samples are thrown away, and records each call's latency.
 */
public final class Load {

	private Load() {
	}

	/** One call of a client; returns whether it succeeded. */
	@FunctionalInterface
	public interface Call {

		boolean run(int client) throws Exception;

	}

	/** Told when the measured part of a run begins and when it ends. */
	public interface Window {

		Window NONE = new Window() {
			@Override
			public void opens() {
			}

			@Override
			public void closes() {
			}
		};

		void opens();

		void closes();

	}

	/** What a run measured. */
	public record Result(long succeeded, long failed, Duration measured, Latencies latencies) {

		public double perSecond() {
			return succeeded / (measured.toNanos() / 1e9);
		}

	}

	public static Result run(int clients, Duration warmUp, Duration measured, Call call) throws InterruptedException {
		return run(clients, warmUp, measured, Window.NONE, call);
	}

	public static Result run(int clients, Duration warmUp, Duration measured, Window window, Call call)
			throws InterruptedException {
		AtomicLong succeeded = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		Latencies latencies = new Latencies();
		long warmUpEnds = System.nanoTime() + warmUp.toNanos();
		long ends = warmUpEnds + measured.toNanos();
		CountDownLatch done = new CountDownLatch(clients);
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < clients; c++) {
				int client = c;
				pool.submit(() -> {
					try {
						long now;
						while ((now = System.nanoTime()) < ends) {
							boolean ok;
							try {
								ok = call.run(client);
							}
							catch (Exception ex) {
								ok = false;
							}
							if (now >= warmUpEnds) {
								latencies.record(now);
								(ok ? succeeded : failed).incrementAndGet();
							}
						}
					}
					finally {
						done.countDown();
					}
					return null;
				});
			}
			long untilMeasuring = warmUpEnds - System.nanoTime();
			if (untilMeasuring > 0) {
				Thread.sleep(Duration.ofNanos(untilMeasuring));
			}
			window.opens();
			done.await();
			window.closes();
		}
		return new Result(succeeded.get(), failed.get(), measured, latencies);
	}

}
