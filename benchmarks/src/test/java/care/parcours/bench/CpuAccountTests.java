package care.parcours.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CpuAccountTests {

	/** Where the busy loop's result goes, so that the JIT keeps the loop. */
	static volatile long blackhole;

	@Test
	@EnabledOnOs(OS.LINUX)
	void aMeterCountsTheCpuItsProcessesSpendWhileItIsOpen() {
		CpuAccount account = CpuAccount.of(Map.of("this JVM", () -> Stream.of(ProcessHandle.current())));
		CpuAccount.Meter meter = account.meter();
		meter.opens();
		Duration burnt = burn(Duration.ofMillis(300));
		meter.closes();

		Duration counted = meter.spent().byGroup().get("this JVM");
		// /proc counts in ticks of 10 ms; other threads of this JVM may add to it.
		assertThat(counted).isGreaterThanOrEqualTo(burnt.minusMillis(20));
		assertThat(meter.spent().perOperation(3, "call")).startsWith("CPU per call: this JVM ");
	}

	@Test
	void windowsAddUp() {
		CpuAccount.Spent first = new CpuAccount.Spent(Map.of("a", Duration.ofMillis(300)), Duration.ofSeconds(1));
		CpuAccount.Spent second = new CpuAccount.Spent(Map.of("a", Duration.ofMillis(100), "b", Duration.ofMillis(50)),
				Duration.ofSeconds(1));

		CpuAccount.Spent both = first.plus(second);

		assertThat(both.byGroup()).containsEntry("a", Duration.ofMillis(400)).containsEntry("b", Duration.ofMillis(50));
		assertThat(both.window()).isEqualTo(Duration.ofSeconds(2));
		assertThat(both.perOperation(9, "request")).endsWith("in all 50.00 ms");
	}

	@Test
	void postgresqlCountsTheBackendsOfThisRunsDatabasesAndTheServersOwnProcessesOnly() {
		String prefix = "bench_42_";

		assertThat(CpuAccount.ofThisRun("postgres: 15/main: postgres bench_42_patient 127.0.0.1(50312) idle", prefix))
			.isTrue();
		assertThat(CpuAccount.ofThisRun("postgres: postgres bench_42_patient [local] SELECT", prefix)).isTrue();
		assertThat(CpuAccount.ofThisRun("postgres: 15/main: walwriter", prefix)).isTrue();
		assertThat(CpuAccount.ofThisRun("/usr/lib/postgresql/15/bin/postgres -D /var/lib/postgresql/15/main", prefix))
			.isTrue();
		assertThat(CpuAccount.ofThisRun("postgres: 15/main: postgres test_7f3a 127.0.0.1(50400) INSERT", prefix))
			.isFalse();
		assertThat(CpuAccount.ofThisRun("postgres: 15/main: postgres bench_4242_patient ::1(50400) idle", prefix))
			.isFalse();
	}

	@Test
	void pinningRefusesCpusTheMachineDoesNotHaveOrAllOfThem() {
		int cpus = CpuAccount.machineCpus();
		assertThatIllegalArgumentException().isThrownBy(() -> CpuPinning.parse(Integer.toString(cpus)));
		String all = String.join(",", java.util.stream.IntStream.range(0, cpus).mapToObj(String::valueOf).toList());
		assertThatIllegalArgumentException().isThrownBy(() -> CpuPinning.parse(all));
	}

	/** Keeps this thread busy until it has used the given CPU time. */
	private static Duration burn(Duration cpu) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = threads.getCurrentThreadCpuTime();
		long sink = 0;
		while (threads.getCurrentThreadCpuTime() - start < cpu.toNanos()) {
			for (int i = 0; i < 10_000; i++) {
				sink += i * 31L ^ sink;
			}
		}
		blackhole = sink;
		return Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);
	}

}
