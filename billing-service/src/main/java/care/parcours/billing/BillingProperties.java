package care.parcours.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing's settings.
 *
 * @param timeZone the zone validity dates are read in: a quote valid until 15 December
 * can be accepted until midnight there (clinics are in France and Belgium, one zone)
 * @param expiryInterval how often lapsed quotes and authorisations are looked for
 */
@ConfigurationProperties("parcours.billing")
public record BillingProperties(@DefaultValue("Europe/Paris") ZoneId timeZone,
		@DefaultValue("30s") java.time.Duration expiryInterval) {

	/** The day it is at an instant, in billing's zone. */
	public LocalDate dayOf(Instant instant) {
		return LocalDate.ofInstant(instant, timeZone);
	}

	/**
	 * The instant a day ends, in billing's zone: when something valid until then lapses.
	 */
	public Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(timeZone).toInstant();
	}

}
