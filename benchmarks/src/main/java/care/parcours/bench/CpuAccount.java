package care.parcours.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;

/**
 * CPU time the processes of a run spend while it measures, per group: each service,
 * PostgreSQL (the backends of this run's databases and the server's own processes, not
 * the backends of other databases on the same server), Redis and this JVM (the clients
 * and the in-process Kafka broker). Everything here shares the machine's cores, so CPU
 * per operation says where a run's capacity goes and what throughput the cores allow at
 * that cost.
 * <p>
 * Processes are sampled every 200 ms, so that a process that ends before the window
 * closes (a pgbench connection's backend) still counts, less at most its last 200 ms; one
 * that starts is found within 2 s. Linux only: without {@code /proc} the groups read
 * zero.
 */
final class CpuAccount {

	private static final Duration SAMPLING = Duration.ofMillis(200);

	private static final String THIS_JVM = "benchmark JVM (clients, Kafka)";

	private final Map<String, Supplier<Stream<ProcessHandle>>> groups;

	private CpuAccount(Map<String, Supplier<Stream<ProcessHandle>>> groups) {
		this.groups = groups;
	}

	/** Processes by group, found again now and then while a meter is open. */
	static CpuAccount of(Map<String, Supplier<Stream<ProcessHandle>>> groups) {
		return new CpuAccount(new LinkedHashMap<>(groups));
	}

	/** The platform's services, PostgreSQL, Redis and this JVM. */
	static CpuAccount of(RunningPlatform platform) {
		Map<String, Supplier<Stream<ProcessHandle>>> groups = new LinkedHashMap<>();
		for (ServiceName service : platform.services()) {
			groups.put(service.module(), () -> platform.process(service).stream());
			// Each further instance apart: CPU per booking per process.
			for (int instance = 2; instance <= platform.instances() && service != ServiceName.GATEWAY; instance++) {
				int number = instance;
				groups.put(service.module() + "-" + number, () -> platform.process(service, number).stream());
			}
		}
		groups.put("PostgreSQL", () -> running("postgres"::equals)
			.filter(process -> ofThisRun(title(process), BenchContext.DATABASE_PREFIX)));
		// Debian's redis-server runs as a link to redis-check-rdb, which looks at its
		// name.
		groups.put("Redis", () -> running(program -> program.startsWith("redis-")));
		groups.put(THIS_JVM, () -> Stream.of(ProcessHandle.current()));
		return new CpuAccount(groups);
	}

	/** This account and one more process, counted apart under the given name. */
	CpuAccount and(String group, ProcessHandle process) {
		Map<String, Supplier<Stream<ProcessHandle>>> more = new LinkedHashMap<>(groups);
		more.put(group, () -> Stream.of(process));
		return new CpuAccount(more);
	}

	/**
	 * A client backend names its user, database and client in its title
	 * ({@code postgres: 15/main: postgres bench_42_patient 127.0.0.1(50312) idle}); the
	 * server's own processes (checkpointer, WAL writer...) name none.
	 */
	private static final Pattern CLIENT_BACKEND = Pattern
		.compile("postgres: (?:[^:]+: )?\\S+ (\\S+) (?:\\S+\\(\\d+\\)|\\[local\\]) .*");

	/**
	 * Whether a PostgreSQL process works for this run: a backend of one of its databases
	 * (named with the prefix), or one of the server's own processes, which work for every
	 * database; not a backend of another database (another benchmark's, tests'), whose
	 * work would be counted as this run's.
	 */
	static boolean ofThisRun(String title, String databasePrefix) {
		Matcher backend = CLIENT_BACKEND.matcher(title);
		return !backend.matches() || backend.group(1).startsWith(databasePrefix);
	}

	/** The process's title as PostgreSQL sets it (its command line), or empty. */
	private static String title(ProcessHandle process) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
				.replace('\0', ' ')
				.strip();
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	/** Processes whose executable's file name passes the test. */
	private static Stream<ProcessHandle> running(Predicate<String> program) {
		return ProcessHandle.allProcesses()
			.filter(process -> process.info()
				.command()
				.map(command -> command.substring(command.lastIndexOf('/') + 1))
				.filter(program)
				.isPresent());
	}

	/**
	 * What the processes spend with no load at all (pollers, heartbeats, metrics): under
	 * load it is spread over the operations, more per operation the fewer there are.
	 */
	Spent atRest(Duration time) throws InterruptedException {
		Meter meter = meter();
		meter.opens();
		Thread.sleep(time);
		meter.closes();
		return meter.spent();
	}

	/**
	 * The machine's load averages over 1, 5 and 15 minutes, as {@code /proc/loadavg}
	 * gives them: what else the cores were running while a benchmark measured.
	 */
	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return "load average %s, %s, %s".formatted(fields[0], fields[1], fields[2]);
		}
		catch (IOException | RuntimeException ex) {
			return "load average unknown";
		}
	}

	/**
	 * The machine's CPUs, whatever this JVM is pinned to (its available processors are
	 * then those it may run on).
	 */
	static int machineCpus() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
			long cpus = lines.filter(line -> line.matches("cpu[0-9]+ .*")).count();
			return cpus > 0 ? (int) cpus : Runtime.getRuntime().availableProcessors();
		}
		catch (IOException | RuntimeException ex) {
			return Runtime.getRuntime().availableProcessors();
		}
	}

	/**
	 * User and system time from {@code /proc/<pid>/stat} (fields 14 and 15, in clock
	 * ticks of 10 ms), which is all a sample needs; empty once the process has gone.
	 */
	private static Optional<Duration> cpu(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// The command name, in parentheses, may hold spaces: count fields after it.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return Optional.of(Duration.ofMillis(ticks * 10));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** A meter that counts between the opening and the closing of a window. */
	Meter meter() {
		return new Meter();
	}

	/** Samples while open; {@link #spent()} once closed. */
	final class Meter implements Load.Window {

		/** Every this many samples, look for processes that started since. */
		private static final int DISCOVERY = 10;

		private final Map<Long, String> groupOf = new ConcurrentHashMap<>();

		private final Map<Long, Duration> first = new ConcurrentHashMap<>();

		private final Map<Long, Duration> last = new ConcurrentHashMap<>();

		private volatile boolean open;

		private Thread sampler;

		private long opened;

		private long closed;

		@Override
		public void opens() {
			this.opened = System.nanoTime();
			discover();
			sample(this.first);
			this.open = true;
			this.sampler = Thread.ofPlatform().daemon().name("cpu-account").start(() -> {
				for (int tick = 1; this.open; tick++) {
					if (tick % DISCOVERY == 0) {
						discover();
					}
					sample(this.last);
					try {
						Thread.sleep(SAMPLING);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
		}

		@Override
		public void closes() {
			this.open = false;
			this.sampler.interrupt();
			try {
				this.sampler.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			sample(this.last);
			this.closed = System.nanoTime();
		}

		/**
		 * Looking through every process is what costs (several files each), so it is done
		 * now and then; a sample reads only the processes already found.
		 */
		private void discover() {
			groups.forEach(
					(group, processes) -> processes.get().forEach(process -> this.groupOf.put(process.pid(), group)));
		}

		private void sample(Map<Long, Duration> into) {
			this.groupOf.keySet().forEach(pid -> cpu(pid).ifPresent(cpu -> into.put(pid, cpu)));
		}

		/** CPU spent per group while the window was open. */
		Spent spent() {
			Map<String, Duration> byGroup = new LinkedHashMap<>();
			groups.keySet().forEach(group -> byGroup.put(group, Duration.ZERO));
			this.last.forEach((pid, cpu) -> byGroup.merge(this.groupOf.get(pid),
					cpu.minus(this.first.getOrDefault(pid, Duration.ZERO)), Duration::plus));
			return new Spent(byGroup, Duration.ofNanos(this.closed - this.opened));
		}

	}

	/** CPU per group over a window of wall-clock time. */
	record Spent(Map<String, Duration> byGroup, Duration window) {

		/** This and another window, as one. */
		Spent plus(Spent other) {
			Map<String, Duration> sum = new LinkedHashMap<>(byGroup);
			other.byGroup.forEach((group, cpu) -> sum.merge(group, cpu, Duration::plus));
			return new Spent(sum, window.plus(other.window));
		}

		Duration total() {
			return byGroup.values().stream().reduce(Duration.ZERO, Duration::plus);
		}

		/** Milliseconds of CPU per operation, per group and in all. */
		String perOperation(long operations, String operation) {
			List<String> parts = new ArrayList<>();
			byGroup.forEach((group, cpu) -> {
				if (!cpu.isZero()) {
					parts.add("%s %.2f ms".formatted(group, millis(cpu) / operations));
				}
			});
			return "CPU per %s: %s; in all %.2f ms".formatted(operation, String.join(", ", parts),
					millis(total()) / operations);
		}

		/** Milliseconds of CPU per second of the window, per group and in all. */
		String perSecond() {
			double seconds = window.toNanos() / 1e9;
			List<String> parts = new ArrayList<>();
			byGroup.forEach((group, cpu) -> parts.add("%s %.0f ms".formatted(group, millis(cpu) / seconds)));
			return "CPU per second at rest: %s; in all %.0f ms".formatted(String.join(", ", parts),
					millis(total()) / seconds);
		}

		/** Operations per second the machine's cores allow at this CPU per operation. */
		double ceilingPerSecond(long operations) {
			double cpuPerOperation = millis(total()) / operations;
			return machineCpus() * 1000 / cpuPerOperation;
		}

		/** Share of the machine's cores the groups kept busy. */
		double busy() {
			return millis(total()) / (millis(window) * machineCpus());
		}

		private static double millis(Duration duration) {
			return duration.toNanos() / 1e6;
		}

	}

}
