package care.parcours.scheduling.availability;

import java.util.Set;

/**
 * A slot the rules offer, before bookings are taken into account.
 *
 * @param during when
 * @param type the appointment type, whose duration the slot has
 * @param modes the modes the slot can be booked in
 */
public record CandidateSlot(TimeRange during, AppointmentType type, Set<Mode> modes) {

}
