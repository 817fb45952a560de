package care.parcours.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines a process wrote to its log, to show why it failed. */
final class LogTail {

	/** Enough for 30 long lines of a Spring Boot log without reading a large file. */
	private static final int WINDOW = 64 * 1024;

	private LogTail() {
	}

	/**
	 * At most {@code lines} lines written after {@code fromOffset}, the last ones; none
	 * when the file cannot be read.
	 */
	static List<String> of(Path file, long fromOffset, int lines) {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			long end = raf.length();
			long start = Math.max(fromOffset, end - WINDOW);
			byte[] bytes = new byte[(int) (end - start)];
			raf.seek(start);
			raf.readFully(bytes);
			List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
			if (start > fromOffset && !all.isEmpty()) {
				// The window began mid-line.
				all = all.subList(1, all.size());
			}
			return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
