package care.parcours.patient.overdue;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the overdue watch runs.
 *
 * @param enabled whether this instance looks for late steps (true by default)
 * @param pollInterval how often it looks (a minute by default: due dates are days apart,
 * tolerances hours)
 */
@ConfigurationProperties("parcours.patient.pathways.overdue")
record OverdueProperties(@Nullable Boolean enabled, @Nullable Duration pollInterval) {

	boolean isEnabled() {
		return enabled == null || enabled;
	}

	Duration interval() {
		return pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
	}

}
