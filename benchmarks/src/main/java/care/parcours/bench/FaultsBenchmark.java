package care.parcours.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./bench faults}: the fault runner ({@link FaultRun}) over one scenario or all,
 * and the table of what the clients were told against what the stores and topics hold.
 */
final class FaultsBenchmark implements Benchmark {

	@Override
	public String name() {
		return "faults";
	}

	@Override
	public String description() {
		return "kills, stops and pauses each part under load, then counts lost and doubled writes and missing events"
				+ " (--scenario=all|kill-services|kill-gateway|broker-down|postgres-crash|pause-service|webhook-outage"
				+ "|mixed --seconds=60)";
	}

	@Override
	public void run(BenchContext context) throws Exception {
		List<FaultScenario> scenarios = FaultScenario.named(context.option("scenario", "all"));
		Duration length = Duration.ofSeconds(context.option("seconds", 60));
		List<FaultReport> reports = new ArrayList<>();
		try (FaultRun run = FaultRun.start(context.root(), context.root().resolve("benchmarks/target/faults"), true)) {
			for (FaultScenario scenario : scenarios) {
				System.out.printf("Fault scenario %s (%d s of load at least)...%n", scenario.label(),
						length.toSeconds());
				FaultReport report = run.run(scenario, length);
				reports.add(report);
				report.details().forEach(System.out::println);
			}
		}
		System.out.println();
		System.out.println(FaultReport.HEADER);
		reports.forEach((report) -> System.out.println(report.row()));
		System.out.println();
		System.out.println("Targets: 0 lost, 0 doubled, 0 events missing (ev-) after the drain in every scenario;"
				+ " broker-down: ok hit >= 99.9 %; kill-services: recover <= 30 s after the restart, ok rest >= 99 %.");
		reports.forEach((report) -> System.out.printf("  %-15s %s%n", report.scenario(),
				report.meetsTargets() ? "met" : "MISSED"));
	}

}
