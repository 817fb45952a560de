package care.parcours.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What {@link LocalPlatform.Builder} collected, fixed once built; {@code morePorts} are
 * those of the second and further instance of each service ({@link LaunchPlan}).
 */
record PlatformSettings(Path repositoryRoot, PostgresSource postgres, KafkaSource kafka, PortPlan ports,
		String databasePrefix, Path logDirectory, Duration readinessTimeout, Duration stopTimeout,
		List<String> jvmOptions, @Nullable Path classDataSharing, Map<String, String> environment,
		Set<ServiceName> services, List<PortPlan> morePorts) {

	PlatformSettings {
		jvmOptions = List.copyOf(jvmOptions);
		environment = Map.copyOf(environment);
		services = Collections.unmodifiableSet(EnumSet.copyOf(services));
		morePorts = List.copyOf(morePorts);
	}

	/**
	 * The same {@code java} as this JVM's, so services run on the JDK that built them.
	 */
	Path java() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

}
