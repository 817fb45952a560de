package care.parcours.scheduling.booking;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import org.springframework.stereotype.Component;

/**
 * Join links of teleconsultations: 256 random bits per appointment, so that links cannot
 * be guessed, valid until a grace period after the appointment's end.
 */
@Component
class TeleconsultationLinks {

	private final SecureRandom random = new SecureRandom();

	private final SchedulingProperties properties;

	TeleconsultationLinks(SchedulingProperties properties) {
		this.properties = properties;
	}

	String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	URI joinUrl(String token) {
		return properties.teleconsultationBaseUrl().resolve(token);
	}

	Instant expiresAt(Booking appointment) {
		return appointment.during().end().plus(properties.joinLinkGrace());
	}

}
