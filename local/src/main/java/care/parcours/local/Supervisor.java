package care.parcours.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts service processes, waits until they are ready, and stops them: politely first,
 * forcibly after a grace period.
 */
final class Supervisor implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private static final int TAIL_LINES = 30;

	private final Readiness readiness = new Readiness();

	private final Duration stopGrace;

	Supervisor(Duration stopGrace) {
		this.stopGrace = stopGrace;
	}

	/**
	 * Starts the processes together and returns once every one is ready. When one exits
	 * first, or the timeout passes, stops them all and throws a
	 * {@link LocalPlatformException} saying which and showing the end of its log.
	 */
	List<ServiceProcess> start(List<ServiceLaunch> launches, boolean freshLogs, Duration timeout)
			throws InterruptedException {
		List<ServiceProcess> started = new ArrayList<>();
		try {
			for (ServiceLaunch launch : launches) {
				log.info("Starting {}", launch.name());
				started.add(ServiceProcess.start(launch, freshLogs));
			}
			awaitReady(started, timeout);
			return started;
		}
		catch (RuntimeException | InterruptedException ex) {
			stop(started);
			throw ex;
		}
	}

	private void awaitReady(List<ServiceProcess> processes, Duration timeout) throws InterruptedException {
		Instant begin = Instant.now();
		Instant deadline = begin.plus(timeout);
		List<ServiceProcess> pending = new ArrayList<>(processes);
		while (!pending.isEmpty()) {
			for (ServiceProcess process : List.copyOf(pending)) {
				if (!process.isAlive()) {
					throw new LocalPlatformException(process.name() + " exited with code " + process.exitCode()
							+ " before it was ready." + tail(process));
				}
				if (this.readiness.isReady(process.launch().readinessUrl())) {
					pending.remove(process);
					log.info("{} is ready ({} s)", process.name(), seconds(Duration.between(begin, Instant.now())));
				}
			}
			if (!pending.isEmpty() && Instant.now().isAfter(deadline)) {
				throw new LocalPlatformException("Not ready after " + timeout.toSeconds() + " s: "
						+ pending.stream().map(ServiceProcess::name).collect(Collectors.joining(", ")) + "."
						+ pending.stream().map(Supervisor::tail).collect(Collectors.joining()));
			}
			pause(pending);
		}
	}

	/** Waits one poll interval, or less when a pending process exits meanwhile. */
	private static void pause(List<ServiceProcess> pending) throws InterruptedException {
		if (pending.isEmpty()) {
			return;
		}
		CompletableFuture<?>[] exits = pending.stream().map(ServiceProcess::onExit).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.anyOf(exits).get(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// Time to ask again.
		}
	}

	/**
	 * Sends SIGTERM to all, waits up to the grace period for them together, then kills
	 * the ones still running.
	 */
	void stop(Collection<ServiceProcess> processes) throws InterruptedException {
		List<ServiceProcess> running = processes.stream().filter(ServiceProcess::isAlive).toList();
		running.forEach(ServiceProcess::askToStop);
		Instant deadline = Instant.now().plus(this.stopGrace);
		Map<ServiceProcess, Boolean> exited = new LinkedHashMap<>();
		for (ServiceProcess process : running) {
			exited.put(process, process.awaitExit(Duration.between(Instant.now(), deadline)));
		}
		for (Map.Entry<ServiceProcess, Boolean> entry : exited.entrySet()) {
			if (!entry.getValue()) {
				log.warn("{} did not stop within {} s; killing it", entry.getKey().name(), this.stopGrace.toSeconds());
				entry.getKey().kill();
			}
		}
	}

	private static String tail(ServiceProcess process) {
		List<String> lines = process.logTail(TAIL_LINES);
		if (lines.isEmpty()) {
			return "\nIts log " + process.launch().logFile() + " is empty.";
		}
		return "\nLast lines of " + process.launch().logFile() + ":\n"
				+ lines.stream().map((line) -> "  | " + line).collect(Collectors.joining("\n"));
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
	}

	@Override
	public void close() {
		this.readiness.close();
	}

}
