package care.parcours.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code parcours up|down|status}: the local platform from a terminal. {@code up} runs in
 * the foreground until Ctrl-C, SIGTERM or {@code down}, then stops the services (SIGTERM,
 * up to 20 s each to finish), Kafka and the embedded PostgreSQL, in that order.
 */
public final class LocalPlatformCommand {

	static final int STOP_WAIT_SECONDS = 120;

	private LocalPlatformCommand() {
	}

	public static void main(String[] args) {
		CommandLine line;
		try {
			line = CommandLine.parse(Arrays.asList(args), Path.of(""));
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage() + "\n\n" + CommandLine.USAGE);
			System.exit(2);
			return;
		}
		System.exit(run(line, System.getenv()));
	}

	static int run(CommandLine line, Map<String, String> env) {
		if (line.action() == CommandLine.Action.HELP) {
			System.out.println(CommandLine.USAGE);
			return 0;
		}
		if (!Files.isRegularFile(line.repositoryRoot().resolve("pom.xml"))) {
			System.err
				.println(line.repositoryRoot() + " is not the Parcours repository: run from its root or pass --root.");
			return 2;
		}
		try {
			return switch (line.action()) {
				case UP -> up(line, LocalSettings.from(env));
				case DOWN -> Down.run(PidFile.in(line.repositoryRoot()));
				case STATUS -> Status.print(PidFile.in(line.repositoryRoot()));
				case HELP -> 0;
			};
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			return 2;
		}
		catch (LocalPlatformException ex) {
			System.err.println("\n" + ex.getMessage());
			return 1;
		}
	}

	private static int up(CommandLine line, LocalSettings settings) {
		Path root = line.repositoryRoot();
		PidFile pidFile = PidFile.in(root);
		pidFile.claim();
		Status.recordInstances(pidFile, line.instances());
		Logging.configureForUp(root.resolve(".parcours").resolve("logs"));
		CountDownLatch finished = new CountDownLatch(1);
		Thread main = Thread.currentThread();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stopMain(main, finished), "parcours-stop"));
		try {
			PostgresSource postgres = settings.postgres(root, Postgres::answers);
			KafkaSource kafka = settings.kafka(root);
			try (RunningPlatform platform = LocalPlatform.builder(root)
				.postgres(postgres)
				.kafka(kafka)
				.readinessTimeout(line.timeout())
				.classDataSharing(root.resolve(".parcours").resolve("jvm"))
				.services(line.services())
				.instances(line.instances())
				.build()
				.start()) {
				System.out.print(StartupTable.render(platform, root,
						"Kafka " + platform.kafkaBootstrapServers() + "; PostgreSQL " + postgres));
				System.out.flush();
				waitForStop();
				System.out.println("\nStopping Parcours...");
			}
			System.out.println("Parcours stopped.");
			return 0;
		}
		finally {
			pidFile.release();
			finished.countDown();
		}
	}

	/**
	 * Ctrl-C and SIGTERM start the JVM's shutdown; the platform is stopped by the main
	 * thread, in order, while this hook keeps the JVM alive.
	 */
	private static void stopMain(Thread main, CountDownLatch finished) {
		if (finished.getCount() == 0) {
			return;
		}
		main.interrupt();
		try {
			finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void waitForStop() {
		try {
			new CountDownLatch(1).await();
		}
		catch (InterruptedException ex) {
			// Asked to stop: the shutdown hook interrupted us.
		}
	}

}
