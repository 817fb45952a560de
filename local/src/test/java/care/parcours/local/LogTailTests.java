package care.parcours.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTests {

	@TempDir
	Path directory;

	@Test
	void givesTheLastLinesOfThisRunOnly() throws Exception {
		Path log = this.directory.resolve("partner-service.log");
		Files.writeString(log, "earlier run\n");
		long offset = Files.size(log);
		Files.writeString(log, "starting\nfailed\n", java.nio.file.StandardOpenOption.APPEND);

		assertThat(LogTail.of(log, offset, 30)).containsExactly("starting", "failed");
	}

	@Test
	void keepsOnlyTheLastLinesOfALongLog() throws Exception {
		Path log = this.directory.resolve("billing-service.log");
		Files.writeString(log,
				IntStream.rangeClosed(1, 100_000)
					.mapToObj((i) -> "line " + i)
					.collect(Collectors.joining("\n", "", "\n")));

		assertThat(LogTail.of(log, 0, 3)).containsExactly("line 99998", "line 99999", "line 100000");
	}

	@Test
	void isEmptyForALogThatDoesNotExist() {
		assertThat(LogTail.of(this.directory.resolve("none.log"), 0, 30)).isEmpty();
	}

}
