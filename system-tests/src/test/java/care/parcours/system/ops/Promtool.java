package care.parcours.system.ops;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Prometheus' own checker, from Debian's {@code prometheus} package (.ci/run installs it
 * when missing), or where {@code PROMTOOL} says. Without it the tests that need it are
 * skipped, saying so.
 */
final class Promtool {

	static final String MISSING = "promtool not found (PROMTOOL, or on the PATH): the alert rules, their unit tests "
			+ "and the dashboards' expressions are NOT checked; install it with `apt-get install prometheus`";

	private static final @Nullable Path EXECUTABLE = locate();

	private Promtool() {
	}

	record Result(int exitCode, String output) {

		boolean succeeded() {
			return exitCode == 0;
		}

	}

	static boolean available() {
		if (EXECUTABLE == null) {
			System.err.println("SKIPPED: " + MISSING);
		}
		return EXECUTABLE != null;
	}

	static String version() {
		return run(List.of("--version")).output().lines().findFirst().orElse("");
	}

	static Result run(List<String> arguments) {
		if (EXECUTABLE == null) {
			throw new IllegalStateException(MISSING);
		}
		List<String> command = new ArrayList<>();
		command.add(EXECUTABLE.toString());
		command.addAll(arguments);
		try {
			Process process = new ProcessBuilder(command).directory(Operations.ROOT.toFile())
				.redirectErrorStream(true)
				.start();
			// Only so that a promtool that hangs fails the build instead of holding it.
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("promtool " + arguments + " did not end");
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable Path locate() {
		String configured = System.getenv("PROMTOOL");
		if (configured != null && !configured.isBlank()) {
			return Files.isExecutable(Path.of(configured)) ? Path.of(configured) : null;
		}
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, "promtool");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
