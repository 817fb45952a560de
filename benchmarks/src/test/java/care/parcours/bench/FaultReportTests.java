package care.parcours.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaultReportTests {

	@Test
	void aScenarioThatLostDoubledOrMissedNothingMeetsTheTargets() {
		assertThat(report("postgres-crash", 0, 0, 0, 2.0, 40.0, 99.0).meetsTargets()).isTrue();
	}

	@Test
	void oneLostWriteOneDoubledEffectOrOneMissingEventMissesTheTargets() {
		assertThat(report("postgres-crash", 1, 0, 0, 2.0, 40.0, 99.0).meetsTargets()).isFalse();
		assertThat(report("postgres-crash", 0, 1, 0, 2.0, 40.0, 99.0).meetsTargets()).isFalse();
		assertThat(report("postgres-crash", 0, 0, 1, 2.0, 40.0, 99.0).meetsTargets()).isFalse();
	}

	@Test
	void withTheBrokerDownFewerThanNineHundredNinetyNineWritesInAThousandMissTheTarget() {
		assertThat(report("broker-down", 0, 0, 0, 0.1, 99.9, Double.NaN).meetsTargets()).isTrue();
		assertThat(report("broker-down", 0, 0, 0, 0.1, 99.8, Double.NaN).meetsTargets()).isFalse();
	}

	@Test
	void aKilledServiceMustAnswerWithinThirtySecondsOfItsRestartAndTheOthersKeepNinetyNinePercent() {
		assertThat(report("kill-services", 0, 0, 0, 30.0, 20.0, 99.0).meetsTargets()).isTrue();
		assertThat(report("kill-services", 0, 0, 0, 30.5, 20.0, 99.0).meetsTargets()).isFalse();
		assertThat(report("kill-services", 0, 0, 0, 3.0, 20.0, 98.9).meetsTargets()).isFalse();
	}

	@Test
	void theRowShowsTheCountsInTheHeadersOrder() {
		FaultReport report = report("kill-gateway", 0, 2, 1, 0.4, 0.0, Double.NaN);

		assertThat(report.row()).startsWith("kill-gateway").contains("409:9");
		assertThat(report.row().split("\\s+")).containsSubsequence("0", "2", "1");
	}

	private static FaultReport report(String scenario, int lost, int doubled, int eventsMissing, double recovery,
			double faultedOk, double othersOk) {
		FaultChecker.Findings findings = new FaultChecker.Findings(0, 0, 0, eventsMissing, 0, 0, 0, 0, 0, 0, 0, 0,
				List.of());
		return new FaultReport(scenario, "a fault", 100, 90, Map.of(409, 9), 1, lost, doubled, findings, recovery,
				faultedOk, othersOk, 500, Map.of(), 0, Duration.ofSeconds(1), Duration.ofSeconds(60), Map.of());
	}

}
