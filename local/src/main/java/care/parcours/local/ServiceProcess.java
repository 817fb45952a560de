package care.parcours.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One started service: its operating-system process and its log. */
final class ServiceProcess {

	private final ServiceLaunch launch;

	private final Process process;

	/** Where this run's output begins in a log that may hold earlier runs. */
	private final long logOffset;

	private volatile boolean stopping;

	private ServiceProcess(ServiceLaunch launch, Process process, long logOffset) {
		this.launch = launch;
		this.process = process;
		this.logOffset = logOffset;
	}

	/**
	 * Starts the process with its output appended to its log.
	 * @param freshLog whether to empty the log first
	 */
	static ServiceProcess start(ServiceLaunch launch, boolean freshLog) {
		Path log = launch.logFile();
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			if (freshLog) {
				Files.deleteIfExists(log);
			}
			long offset = Files.exists(log) ? Files.size(log) : 0;
			ProcessBuilder builder = new ProcessBuilder(launch.command()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(launch.environment());
			Process process = builder.start();
			// Nothing will ever be typed to a service.
			process.getOutputStream().close();
			return new ServiceProcess(launch, process, offset);
		}
		catch (IOException ex) {
			throw new LocalPlatformException("Could not start " + launch.name() + ": " + ex.getMessage(), ex);
		}
	}

	String name() {
		return this.launch.name();
	}

	ServiceLaunch launch() {
		return this.launch;
	}

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** The exit code; only once the process has exited. */
	int exitCode() {
		return this.process.exitValue();
	}

	CompletableFuture<Process> onExit() {
		return this.process.onExit();
	}

	/** Whether it was asked to stop, as opposed to exiting by itself. */
	boolean stopping() {
		return this.stopping;
	}

	/** The last lines this run wrote. */
	List<String> logTail(int lines) {
		return LogTail.of(this.launch.logFile(), this.logOffset, lines);
	}

	/** SIGTERM: Spring Boot then finishes the requests in flight and shuts down. */
	void askToStop() {
		this.stopping = true;
		this.process.destroy();
	}

	/** Waits for the exit; true if it happened in time. */
	boolean awaitExit(Duration timeout) throws InterruptedException {
		try {
			this.process.onExit().get(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return !this.process.isAlive();
		}
	}

	/** SIGKILL, for a process that ignored SIGTERM for too long. */
	void kill() throws InterruptedException {
		this.stopping = true;
		this.process.destroyForcibly();
		this.process.waitFor();
	}

}
