package care.parcours.partner.partners;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An accreditation or certification a partner holds, such as the French HAS certification
 * or a JCI accreditation.
 *
 * @param issuer who granted it, such as {@code HAS} or {@code JCI}
 * @param level the level or grade granted, such as {@code A}
 * @param expiresOn the last day it is valid
 */
public record Accreditation(String issuer, String level, LocalDate expiresOn) {

	public Accreditation {
		Objects.requireNonNull(expiresOn, "expiresOn");
		issuer = issuer.strip();
		level = level.strip();
	}

	/** Whether it still holds on that day (the expiry day included). */
	public boolean validOn(LocalDate day) {
		return !expiresOn.isBefore(day);
	}

}
