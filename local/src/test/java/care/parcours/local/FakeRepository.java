package care.parcours.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A repository root with a placeholder jar for every service, for stand-in launches. */
final class FakeRepository {

	private FakeRepository() {
	}

	static Path in(Path directory) throws IOException {
		Files.writeString(directory.resolve("pom.xml"), "<project/>");
		for (ServiceName service : ServiceName.values()) {
			Path jar = service.jar(directory);
			Files.createDirectories(jar.getParent());
			Files.write(jar, new byte[0]);
		}
		return directory;
	}

}
