package care.parcours.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code .parcours/parcours.pid}: which launcher runs the local platform, so that a
 * second {@code up} refuses and {@code down} knows whom to stop.
 */
final class PidFile {

	private final Path file;

	PidFile(Path file) {
		this.file = file;
	}

	static PidFile in(Path repositoryRoot) {
		return new PidFile(repositoryRoot.resolve(".parcours").resolve("parcours.pid"));
	}

	Path path() {
		return this.file;
	}

	boolean exists() {
		return Files.exists(this.file);
	}

	/**
	 * The launcher recorded in the file, if it still runs. A pid reused by some other
	 * program does not count: the launcher is a {@code java} process.
	 */
	Optional<ProcessHandle> liveOwner() {
		return recordedPid().flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().map((command) -> command.endsWith("java")).orElse(true));
	}

	/**
	 * Records this JVM as the launcher.
	 * @throws LocalPlatformException when another live launcher is recorded
	 */
	void claim() {
		Optional<ProcessHandle> owner = liveOwner();
		if (owner.isPresent() && owner.get().pid() != ProcessHandle.current().pid()) {
			throw new LocalPlatformException(
					"Parcours is already running (pid " + owner.get().pid() + "). ./parcours down stops it.");
		}
		try {
			Files.createDirectories(this.file.getParent());
			Files.writeString(this.file, ProcessHandle.current().pid() + "\n");
		}
		catch (IOException ex) {
			throw new LocalPlatformException("Could not write " + this.file + ": " + ex.getMessage(), ex);
		}
	}

	/** Removes the file if it names this JVM. */
	void release() {
		if (recordedPid().filter((pid) -> pid == ProcessHandle.current().pid()).isPresent()) {
			delete();
		}
	}

	void delete() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			// A stale file is recognised as stale by the next launcher.
		}
	}

	private Optional<Long> recordedPid() {
		try {
			return Optional.of(Long.parseLong(Files.readString(this.file).strip()));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
