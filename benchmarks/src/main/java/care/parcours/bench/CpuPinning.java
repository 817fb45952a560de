package care.parcours.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Keeps processes, every thread of them, on given CPUs ({@code taskset}, Linux), so that
 * a run can give one process cores of its own, as it would have on a host of its own,
 * while the others share the rest.
 */
final class CpuPinning {

	private final Set<Integer> own;

	private final Set<Integer> rest;

	private CpuPinning(Set<Integer> own, Set<Integer> rest) {
		this.own = own;
		this.rest = rest;
	}

	/**
	 * @param cpus the CPUs of the process that gets cores of its own, such as {@code 1}
	 * or {@code 2,3}; the other processes get the machine's other CPUs
	 */
	static CpuPinning parse(String cpus) {
		int count = CpuAccount.machineCpus();
		Set<Integer> own = java.util.Arrays.stream(cpus.split(","))
			.map(String::strip)
			.map(Integer::valueOf)
			.collect(Collectors.toCollection(java.util.TreeSet::new));
		Set<Integer> rest = IntStream.range(0, count)
			.boxed()
			.filter(cpu -> !own.contains(cpu))
			.collect(Collectors.toCollection(java.util.TreeSet::new));
		if (own.stream().anyMatch(cpu -> cpu < 0 || cpu >= count) || rest.isEmpty()) {
			throw new IllegalArgumentException(
					"CPUs " + cpus + " must be some, not all, of this machine's 0.." + (count - 1));
		}
		return new CpuPinning(own, rest);
	}

	void ownCores(long pid) throws IOException, InterruptedException {
		pin(pid, own);
	}

	void sharedCores(long pid) throws IOException, InterruptedException {
		pin(pid, rest);
	}

	/** The PostgreSQL backends serving a database's connections. */
	void sharedCores(Connection admin, String database) throws IOException, InterruptedException, SQLException {
		List<Long> backends = new ArrayList<>();
		try (var statement = admin.prepareStatement("select pid from pg_stat_activity where datname = ?")) {
			statement.setString(1, database);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					backends.add(rows.getLong(1));
				}
			}
		}
		for (long backend : backends) {
			pin(backend, rest);
		}
	}

	String describe() {
		return "CPU " + join(own) + " for the gateway (and the bare gateway) alone; CPU " + join(rest)
				+ " for partner-service, its PostgreSQL backends and the benchmark JVM (clients, Kafka);"
				+ " Redis and other processes unpinned";
	}

	private static String join(Set<Integer> cpus) {
		return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	private static void pin(long pid, Set<Integer> cpus) throws IOException, InterruptedException {
		Process taskset = new ProcessBuilder("taskset", "--all-tasks", "--pid", "--cpu-list", join(cpus),
				Long.toString(pid))
			.redirectErrorStream(true)
			.start();
		String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		// A backend may end between listing and pinning; anything else is worth knowing.
		if (taskset.waitFor() != 0 && ProcessHandle.of(pid).isPresent()) {
			throw new IllegalStateException("taskset failed for " + pid + ": " + output);
		}
	}

}
