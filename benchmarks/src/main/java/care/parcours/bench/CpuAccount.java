package care.parcours.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;

/**
 * CPU time the processes of a run spend while it measures, per group: each service,
 * PostgreSQL (every backend), Redis and this JVM (the clients and the in-process Kafka
 * broker). Everything here shares the machine's cores, so CPU per operation says where a
 * run's capacity goes and what throughput the cores allow at that cost; it also varies
 * far less than throughput with the neighbours' load.
 * <p>
 * Processes are sampled every 200 ms, so that a process that ends before the window
 * closes (a pgbench connection's backend) still counts, less at most its last 200 ms.
 * Where the operating system does not say (no {@code /proc}), the groups read zero.
 */
final class CpuAccount {

	private static final Duration SAMPLING = Duration.ofMillis(200);

	private static final String THIS_JVM = "benchmark JVM (clients, Kafka)";

	private final Map<String, Supplier<Stream<ProcessHandle>>> groups;

	private CpuAccount(Map<String, Supplier<Stream<ProcessHandle>>> groups) {
		this.groups = groups;
	}

	/** The platform's services, PostgreSQL, Redis and this JVM. */
	static CpuAccount of(RunningPlatform platform) {
		Map<String, Supplier<Stream<ProcessHandle>>> groups = new LinkedHashMap<>();
		for (ServiceName service : platform.services()) {
			groups.put(service.module(), () -> platform.process(service).stream());
		}
		groups.put("PostgreSQL", () -> running("postgres"::equals));
		// Debian's redis-server runs as a link to redis-check-rdb, which looks at its
		// name.
		groups.put("Redis", () -> running(program -> program.startsWith("redis-")));
		groups.put(THIS_JVM, () -> Stream.of(ProcessHandle.current()));
		return new CpuAccount(groups);
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

	/** A meter that counts between the opening and the closing of a window. */
	Meter meter() {
		return new Meter();
	}

	/** Samples while open; {@link #spent()} once closed. */
	final class Meter implements Load.Window {

		private final Map<Long, Sample> first = new ConcurrentHashMap<>();

		private final Map<Long, Sample> last = new ConcurrentHashMap<>();

		private volatile boolean open;

		private Thread sampler;

		private long opened;

		private long closed;

		private record Sample(String group, Duration cpu) {

		}

		@Override
		public void opens() {
			this.opened = System.nanoTime();
			sample(this.first);
			this.open = true;
			this.sampler = Thread.ofPlatform().daemon().name("cpu-account").start(() -> {
				while (this.open) {
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

		private void sample(Map<Long, Sample> into) {
			groups.forEach((group, processes) -> processes.get()
				.forEach(process -> process.info()
					.totalCpuDuration()
					.ifPresent(cpu -> into.put(process.pid(), new Sample(group, cpu)))));
		}

		/** CPU spent per group while the window was open. */
		Spent spent() {
			Map<String, Duration> byGroup = new LinkedHashMap<>();
			groups.keySet().forEach(group -> byGroup.put(group, Duration.ZERO));
			this.last.forEach((pid, sample) -> {
				Duration before = Optional.ofNullable(this.first.get(pid)).map(Sample::cpu).orElse(Duration.ZERO);
				byGroup.merge(sample.group(), sample.cpu().minus(before), Duration::plus);
			});
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
			return Runtime.getRuntime().availableProcessors() * 1000 / cpuPerOperation;
		}

		/** Share of the machine's cores the groups kept busy. */
		double busy() {
			return millis(total()) / (millis(window) * Runtime.getRuntime().availableProcessors());
		}

		private static double millis(Duration duration) {
			return duration.toNanos() / 1e6;
		}

	}

}
