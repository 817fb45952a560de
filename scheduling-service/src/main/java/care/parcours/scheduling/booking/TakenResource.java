package care.parcours.scheduling.booking;

import java.util.UUID;

import care.parcours.events.scheduling.AppointmentResource;
import org.jspecify.annotations.Nullable;

/**
 * A resource a booking takes, its practitioner included, with the partner it belongs to.
 *
 * @param role the role it fills ({@code practitioner} for the booking's own)
 * @param resourceId the practitioner or resource
 * @param partnerId the booking's partner for its practitioner, the owner of the copy of
 * any other resource; null when the copy is unknown
 * @param live whether the booking holds it now (see {@link BookingStatus#takesTime()})
 */
record TakenResource(String role, UUID resourceId, @Nullable UUID partnerId, boolean live) {

	/** As events name it. */
	AppointmentResource named() {
		return new AppointmentResource(role, resourceId, partnerId);
	}

	/** Whether it is the partner's own. */
	boolean ownedBy(UUID partner) {
		return partner.equals(partnerId);
	}

}
