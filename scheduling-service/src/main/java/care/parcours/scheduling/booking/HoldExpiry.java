package care.parcours.scheduling.booking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Frees the slots of lapsed holds by themselves, announcing each release. Bookings that
 * collide with a lapsed hold free it on the spot as well, so a late run never blocks
 * anyone.
 */
@Component
class HoldExpiry {

	private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

	private static final int BATCH = 100;

	private final BookingService bookings;

	HoldExpiry(BookingService bookings) {
		this.bookings = bookings;
	}

	@Scheduled(fixedDelayString = "${parcours.scheduling.hold-expiry-interval:5s}")
	void expireLapsedHolds() {
		try {
			int expired;
			do {
				expired = bookings.expireDueHolds(BATCH);
			}
			while (expired == BATCH);
		}
		catch (RuntimeException ex) {
			log.warn("Could not expire lapsed holds; will try again", ex);
		}
	}

}
