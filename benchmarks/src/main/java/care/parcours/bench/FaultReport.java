package care.parcours.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One scenario's figures, as {@code ./bench faults} prints them.
 *
 * @param scenario its label
 * @param faults what was done, how long each lasted
 * @param attempted operations the clients began
 * @param acknowledged operations answered 200 or 201
 * @param refused the other final answers, by status
 * @param gaveUp operations never answered within the clients' patience
 * @param lost acknowledged writes not in the databases (this scenario's)
 * @param doubled effects beyond one per operation (this scenario's)
 * @param findings the checker's counts after the drain (the run so far)
 * @param recoverySeconds from the end of each fault (a killed process ready again) to the
 * first answer on its routes; the longest
 * @param faultedOkPercent sends answered (not 5xx, 429 or cut) among those to the routes
 * the fault hit, while it lasted
 * @param othersOkPercent the same for the other routes
 * @param sends HTTP exchanges, retries included
 * @param failedDuringFaults the sends not answered while a fault lasted, by service and
 * status (0: no answer)
 * @param webhookDuplicates messages the receiver had already acknowledged
 * @param drained how long the drain took
 * @param took the scenario's time, drain and check included
 * @param byKind operations acknowledged and tried, by kind ({@code PATHWAY 40/41})
 */
public record FaultReport(String scenario, String faults, int attempted, int acknowledged,
		Map<Integer, Integer> refused, int gaveUp, int lost, int doubled, FaultChecker.Findings findings,
		double recoverySeconds, double faultedOkPercent, double othersOkPercent, int sends,
		Map<String, Integer> failedDuringFaults, int webhookDuplicates, Duration drained, Duration took,
		Map<String, String> byKind) {

	public static final String HEADER = String.format(Locale.ROOT,
			"%-15s %6s %6s %-22s %5s %5s %5s %5s %5s %5s %8s %8s %8s", "scenario", "tried", "acked",
			"refused by status", "gave", "lost", "doubl", "ev-", "ev+", "order", "recover", "ok hit", "ok rest");

	/** Whether the targets hold for this scenario. */
	public boolean meetsTargets() {
		boolean base = this.lost == 0 && this.doubled == 0 && this.findings.eventsMissing() == 0
				&& this.findings.overlaps() == 0 && this.findings.timelinesBehind() == 0
				&& this.findings.numberingFaults() == 0;
		return switch (this.scenario) {
			case "broker-down" -> base && !(this.faultedOkPercent < 99.9);
			case "kill-services" -> base && !(this.recoverySeconds > 30) && !(this.othersOkPercent < 99.0);
			default -> base;
		};
	}

	/**
	 * Aggregates whose latest committed change has no event on its topic, after the
	 * drain.
	 */
	public int eventsMissing() {
		return this.findings.eventsMissing();
	}

	/** Pairs of live bookings of one practitioner that overlap, by SQL. */
	public int overlaps() {
		return this.findings.overlaps();
	}

	/** The table's row. */
	public String row() {
		String refusals = this.refused.entrySet()
			.stream()
			.map((e) -> e.getKey() + ":" + e.getValue())
			.collect(Collectors.joining(" "));
		return String.format(Locale.ROOT, "%-15s %6d %6d %-22s %5d %5d %5d %5d %5d %5d %7.1fs %7.2f%% %7.2f%%",
				this.scenario, this.attempted, this.acknowledged, refusals.isEmpty() ? "-" : refusals, this.gaveUp,
				this.lost, this.doubled, this.findings.eventsMissing(), this.findings.eventsDuplicated(),
				this.findings.outOfOrder(), this.recoverySeconds, this.faultedOkPercent, this.othersOkPercent);
	}

	/** A line of the other counts, then the first problems found, one a line. */
	public List<String> details() {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT,
				"%s: %s; %d sends, not answered during the faults %s; drained in %d s; overlaps %d, read models missing %d, timelines behind %d, webhooks missing/pending/dead %d"
						+ " (receiver duplicates %d), invoice numbering faults %d, outbox left %d, dead-lettered %d; %s in %d s",
				this.scenario, this.faults, this.sends, this.failedDuringFaults, this.drained.toSeconds(),
				this.findings.overlaps(), this.findings.readModelsMissing(), this.findings.timelinesBehind(),
				this.findings.webhooksMissing(), this.webhookDuplicates, this.findings.numberingFaults(),
				this.findings.outboxLeft(), this.findings.deadLettered(),
				meetsTargets() ? "targets met" : "TARGETS MISSED", this.took.toSeconds()));
		lines.add("  acknowledged/tried by kind: " + this.byKind.entrySet()
			.stream()
			.map((e) -> e.getKey() + " " + e.getValue())
			.collect(Collectors.joining(", ")));
		this.findings.notes().forEach((note) -> lines.add("    " + note));
		return lines;
	}

}
