package care.parcours.scheduling.booking;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.platform.security.Caller;

import org.springframework.stereotype.Component;

/**
 * How the appointment and hold controllers show a booking to the caller: with its
 * teleconsultation link and the resources it takes, a partner seeing only its own.
 */
@Component
class ShownBookings {

	private final TeleconsultationLinks links;

	private final TakenResources taken;

	ShownBookings(TeleconsultationLinks links, TakenResources taken) {
		this.links = links;
		this.taken = taken;
	}

	/** A booking just placed, with the resources it wrote (none read back). */
	BookingViews.BookingView placed(BookingService.Placed placed) {
		return BookingViews.of(placed.booking(), links, placed.resources(), Caller.current());
	}

	/** A booking as it stands, its resources read. */
	BookingViews.BookingView shown(Booking booking) {
		return shown(booking, taken.of(booking.id()), Caller.current());
	}

	BookingViews.BookingView shown(Booking booking, List<TakenResource> resources, Caller caller) {
		return BookingViews.of(booking, links, resources, caller);
	}

	List<TakenResource> resourcesOf(UUID bookingId) {
		return taken.of(bookingId);
	}

	Map<UUID, List<TakenResource>> resourcesOf(List<UUID> bookingIds) {
		return taken.of(bookingIds);
	}

}
