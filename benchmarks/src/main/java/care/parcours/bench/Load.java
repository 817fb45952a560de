package care.parcours.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a number of clients in a closed loop for a fixed time, after a warm-up whose
 * samples are thrown away, and records each call's latency; or sends calls at a fixed
 * rate ({@link #atRate}).
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

	/**
	 * Sends calls at a fixed rate whatever the pace of the answers (an open loop), each
	 * on a virtual thread of its own, and times each from when it was due. A closed
	 * loop's latency at saturation is its clients' number over its throughput, whatever
	 * the server does per call; at a rate the server keeps up with, latency is the
	 * server's own. Timed from when it was due, a call sent late because the sender fell
	 * behind counts its wait: a stalling server cannot hide a stall by slowing the load
	 * down.
	 */
	public static Result atRate(double perSecond, Duration measured, Call call) throws InterruptedException {
		AtomicLong succeeded = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		Latencies latencies = new Latencies();
		long interval = Math.round(1e9 / perSecond);
		long start = System.nanoTime();
		long end = start + measured.toNanos();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int next = 0;; next++) {
				long due = start + next * interval;
				if (due >= end) {
					break;
				}
				long early = due - System.nanoTime();
				if (early > 0) {
					LockSupport.parkNanos(early);
				}
				int client = next;
				pool.submit(() -> {
					boolean ok;
					try {
						ok = call.run(client);
					}
					catch (Exception ex) {
						ok = false;
					}
					latencies.record(due);
					(ok ? succeeded : failed).incrementAndGet();
					return null;
				});
			}
		}
		return new Result(succeeded.get(), failed.get(), measured, latencies);
	}

}
