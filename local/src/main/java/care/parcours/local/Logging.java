package care.parcours.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's own logging: progress on the terminal, Kafka's and PostgreSQL's chatter
 * in {@code .parcours/logs/platform.log}. Configured by system properties rather than a
 * {@code logback.xml} so that the jar, also a library of the system tests, imposes no
 * configuration on them.
 */
final class Logging {

	private Logging() {
	}

	/** Before the first logger is created. */
	static void configureForUp(Path logDirectory) {
		Path log = logDirectory.resolve("platform.log");
		try {
			Files.createDirectories(logDirectory);
			Files.deleteIfExists(log);
		}
		catch (IOException ex) {
			// Logback reports a log file it cannot write to on the terminal.
		}
		System.setProperty("parcours.log.file", log.toString());
		System.setProperty("logback.configurationFile", "care/parcours/local/logback-up.xml");
	}

}
