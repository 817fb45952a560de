package care.parcours.local;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Launches of {@link StandInService}, and what their logs say. */
final class StandIns {

	private StandIns() {
	}

	/**
	 * Options that make {@code java <options> -jar <jar>} run the stand-in instead of the
	 * jar: {@code -jar <jar>} then only are the stand-in's ignored arguments.
	 */
	static List<String> jvmOptions() {
		return List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", testClasses().toString(),
				StandInService.class.getName());
	}

	static ServiceLaunch launch(String name, String behaviour, Path logDirectory, Map<String, String> extraEnv) {
		int port = Ports.free();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions());
		Map<String, String> env = new LinkedHashMap<>(extraEnv);
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("STAND_IN", behaviour);
		return new ServiceLaunch(name, command, env, logDirectory.resolve(name + ".log"),
				URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"));
	}

	private static Path testClasses() {
		try {
			return Path.of(StandInService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
