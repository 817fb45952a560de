package care.parcours.patient.patients;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How deferred erasures are carried out.
 *
 * @param enabled whether this instance looks for erasures that fell due (true by default)
 * @param pollInterval how often it looks (a minute by default: holds end on a day, so a
 * minute late is on time)
 */
@ConfigurationProperties("parcours.patient.erasure")
record ErasureProperties(@Nullable Boolean enabled, @Nullable Duration pollInterval) {

	boolean isEnabled() {
		return enabled == null || enabled;
	}

	Duration interval() {
		return pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
	}

}
