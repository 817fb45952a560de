package care.parcours.scheduling.booking;

import java.util.UUID;

import care.parcours.platform.domain.NotFoundException;

/** No hold or appointment has this id. */
public final class BookingNotFound extends NotFoundException {

	public BookingNotFound(UUID id) {
		super("booking-not-found", "No hold or appointment has the id " + id + ".");
	}

}
