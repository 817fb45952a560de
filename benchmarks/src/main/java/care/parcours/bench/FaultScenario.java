package care.parcours.bench;

import java.util.Arrays;
import java.util.List;

import care.parcours.local.ServiceName;

/**
 * The faults of {@code ./bench faults}, each a script the runner plays while the clients
 * run; {@link #MIXED} plays one of each in turn.
 */
public enum FaultScenario {

	/** SIGKILL of each service in turn, every ~15 s, restarted by the runner. */
	KILL_SERVICES("kill-services"),

	/** SIGKILL of the gateway, restarted by the runner. */
	KILL_GATEWAY("kill-gateway"),

	/** The Kafka broker stopped (SIGTERM) for 60 s, then started again. */
	BROKER_DOWN("broker-down"),

	/**
	 * PostgreSQL stopped with {@code pg_ctl stop -m immediate}, started again 10 s later.
	 */
	POSTGRES_CRASH("postgres-crash"),

	/** scheduling-service paused (SIGSTOP) for 15 s, then resumed (SIGCONT). */
	PAUSE_SERVICE("pause-service"),

	/**
	 * The partners' webhook receiver hangs for 20 s, then answers 500 for 20 s, then
	 * recovers.
	 */
	WEBHOOK_OUTAGE("webhook-outage"),

	/** One of each, one after the other, under the same load. */
	MIXED("mixed"),

	/**
	 * The short form CI runs (not in {@code all}): SIGKILL of scheduling-service, then
	 * the broker stopped for 20 s.
	 */
	SHORT("short");

	/** The services the workload writes to, killed in turn. */
	static final List<ServiceName> SERVICES = List.of(ServiceName.PARTNER, ServiceName.SCHEDULING, ServiceName.PATIENT);

	private final String label;

	FaultScenario(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The scenario of that label; {@code all} for every one. */
	public static List<FaultScenario> named(String label) {
		if (label.equals("all")) {
			return Arrays.stream(values()).filter((scenario) -> scenario != SHORT).toList();
		}
		return List.of(Arrays.stream(values())
			.filter((scenario) -> scenario.label.equals(label))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No fault scenario '" + label + "'; one of "
					+ Arrays.stream(values()).map(FaultScenario::label).toList() + " or all")));
	}

}
