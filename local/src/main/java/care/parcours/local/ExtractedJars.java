package care.parcours.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's jar unpacked by Spring Boot's {@code -Djarmode=tools extract}: an
 * application jar beside its libraries. The JVM's class data sharing only archives
 * classes loaded from plain jars on the class path, not from jars nested in a Spring Boot
 * jar; with an archive a service starts in about half the time. Extracted again whenever
 * the built jar changes.
 */
final class ExtractedJars {

	private static final Logger log = LoggerFactory.getLogger(ExtractedJars.class);

	private static final String STAMP = "extracted-from";

	private ExtractedJars() {
	}

	/**
	 * Extracts the jar into the directory unless it already holds this very build of it.
	 * @return the application jar to run with {@code java -jar}
	 */
	static Path refresh(Path bootJar, Path directory, Path java) {
		Path applicationJar = directory.resolve(bootJar.getFileName());
		try {
			String source = bootJar.toAbsolutePath() + " " + Files.size(bootJar) + " "
					+ Files.getLastModifiedTime(bootJar).toMillis();
			Path stamp = directory.resolve(STAMP);
			if (Files.isRegularFile(applicationJar) && Files.isRegularFile(stamp)
					&& Files.readString(stamp).equals(source)) {
				return applicationJar;
			}
			log.info("Extracting {} (once per build, for faster starts)", bootJar.getFileName());
			Path staging = directory.resolveSibling(directory.getFileName() + ".extracting");
			delete(staging);
			extract(bootJar, staging, java);
			Files.writeString(staging.resolve(STAMP), source);
			delete(directory);
			Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
			return applicationJar;
		}
		catch (IOException ex) {
			throw new LocalPlatformException(
					"Could not extract " + bootJar + " into " + directory + ": " + ex.getMessage(), ex);
		}
	}

	private static void extract(Path bootJar, Path destination, Path java) throws IOException {
		List<String> command = List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-Djarmode=tools", "-jar",
				bootJar.toString(), "extract", "--destination", destination.toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		try {
			if (process.waitFor() != 0) {
				throw new IOException("extraction failed: " + output.strip());
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted");
		}
	}

	private static void delete(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
