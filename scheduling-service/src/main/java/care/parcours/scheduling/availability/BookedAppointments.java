package care.parcours.scheduling.availability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The appointments availability changes must not silently drop; implemented where
 * bookings live, so that availability needs nothing from them but this.
 */
public interface BookedAppointments {

	/**
	 * The practitioner's appointments still to come (booked or checked in) ending after
	 * {@code from}.
	 */
	List<BookedAppointment> upcoming(UUID practitionerId, Instant from);

}
