package care.parcours.scheduling.booking;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import care.parcours.platform.domain.GoneException;
import care.parcours.platform.domain.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * Join links of teleconsultations: 256 random bits per appointment, so that links cannot
 * be guessed, valid until a grace period after the appointment's end.
 */
@Component
class TeleconsultationLinks {

	private final SecureRandom random = new SecureRandom();

	private final Bookings bookings;

	private final SchedulingProperties properties;

	private final Clock clock;

	TeleconsultationLinks(Bookings bookings, SchedulingProperties properties, Clock clock) {
		this.bookings = bookings;
		this.properties = properties;
		this.clock = clock;
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

	/** The appointment a join link opens, while the link is valid. */
	Booking join(String token) {
		Booking appointment = bookings.byJoinToken(token)
			.orElseThrow(() -> new NotFoundException("join-link-not-found", "No teleconsultation has this link."));
		if (appointment.status() == BookingStatus.CANCELLED || !clock.instant().isBefore(expiresAt(appointment))) {
			throw new JoinLinkExpired();
		}
		return appointment;
	}

	/** The teleconsultation's link no longer opens it. */
	static final class JoinLinkExpired extends GoneException {

		JoinLinkExpired() {
			super("join-link-expired", "This teleconsultation link has expired.");
		}

	}

}
