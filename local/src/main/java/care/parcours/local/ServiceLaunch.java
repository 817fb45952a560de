package care.parcours.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one service process and how to know it is ready.
 *
 * @param name what to call it in messages, such as {@code partner-service}
 * @param command the program and its arguments
 * @param environment variables added to the launcher's own
 * @param logFile where its standard output and error go
 * @param readinessUrl answers 200 once the service takes traffic
 */
record ServiceLaunch(String name, List<String> command, Map<String, String> environment, Path logFile,
		URI readinessUrl) {

	ServiceLaunch {
		command = List.copyOf(command);
		environment = Map.copyOf(environment);
	}

}
