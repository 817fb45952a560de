package care.parcours.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the person at the terminal asked for.
 *
 * @param action what to do
 * @param repositoryRoot the Parcours checkout: its jars, its {@code .parcours/} state
 * @param timeout how long {@code up} waits for all services to be ready
 * @param services which services {@code up} starts
 * @param instances how many instances of each service and of the authorization server
 * {@code up} starts behind the one gateway
 */
record CommandLine(Action action, Path repositoryRoot, Duration timeout, Set<ServiceName> services, int instances) {

	static final String USAGE = """
			Usage: parcours <command> [options]
			  up [service ...]   start Kafka, PostgreSQL and the services (all six unless named); Ctrl-C stops
			  down               stop the platform started by 'up'
			  status             which services answer their readiness check
			Options:
			  --root <dir>       the repository (default: the current directory)
			  --timeout <s>      seconds 'up' waits for readiness (default: 240)
			  --instances <n>    instances of each service and of the authorization server behind the
			                     gateway (default: 1); the second's ports are 10 above the first's
			Environment: PARCOURS_POSTGRES=external|local|embedded, PARCOURS_DB_URL, PARCOURS_DB_USER,
			  PARCOURS_DB_PASSWORD, PARCOURS_KAFKA_PORT (default 9092).""";

	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(240);

	CommandLine {
		services = Collections.unmodifiableSet(EnumSet.copyOf(services));
	}

	enum Action {

		UP, DOWN, STATUS, HELP

	}

	/**
	 * @throws IllegalArgumentException with a message for the terminal when the arguments
	 * make no sense
	 */
	static CommandLine parse(List<String> args, Path workingDirectory) {
		Action action = null;
		Path root = workingDirectory;
		Duration timeout = DEFAULT_TIMEOUT;
		Set<ServiceName> services = EnumSet.noneOf(ServiceName.class);
		int instances = 1;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.startsWith("--instances=")) {
				instances = instances(arg.substring("--instances=".length()));
				continue;
			}
			switch (arg) {
				case "--instances" -> instances = instances(value(args, ++i, arg));
				case "--root" -> root = workingDirectory.resolve(value(args, ++i, arg));
				case "--timeout" -> timeout = seconds(value(args, ++i, arg));
				case "-h", "--help", "help" -> action = Action.HELP;
				default -> {
					if (arg.startsWith("-")) {
						throw new IllegalArgumentException("Unknown option " + arg);
					}
					if (action == null) {
						action = action(arg);
					}
					else if (action == Action.UP) {
						services.add(ServiceName.parse(arg));
					}
					else {
						throw new IllegalArgumentException(
								"'" + arg + "' is not an argument of " + action.name().toLowerCase(Locale.ROOT));
					}
				}
			}
		}
		if (action == null) {
			throw new IllegalArgumentException("Say what to do: up, down or status");
		}
		return new CommandLine(action, root.toAbsolutePath().normalize(), timeout,
				services.isEmpty() ? EnumSet.allOf(ServiceName.class) : services, instances);
	}

	private static int instances(String value) {
		try {
			int instances = Integer.parseInt(value);
			if (instances < 1 || instances > 9) {
				throw new IllegalArgumentException("--instances takes 1 to 9, not " + value);
			}
			return instances;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--instances takes a number, such as 2, not " + value);
		}
	}

	private static Action action(String arg) {
		return switch (arg) {
			case "up" -> Action.UP;
			case "down" -> Action.DOWN;
			case "status" -> Action.STATUS;
			default -> throw new IllegalArgumentException("Unknown command " + arg + "; use up, down or status");
		};
	}

	private static String value(List<String> args, int index, String option) {
		if (index >= args.size()) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args.get(index);
	}

	private static Duration seconds(String value) {
		try {
			long seconds = Long.parseLong(value.endsWith("s") ? value.substring(0, value.length() - 1) : value);
			if (seconds <= 0) {
				throw new IllegalArgumentException("--timeout must be positive, not " + value);
			}
			return Duration.ofSeconds(seconds);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--timeout takes seconds, such as 240, not " + value);
		}
	}

}
