/**
 * Holds and appointments: placed, confirmed, released, expired, booked, cancelled,
 * rescheduled, checked in, completed or missed. The database's exclusion constraints
 * guarantee that a practitioner's holds and appointments never overlap, nor a patient's
 * appointments.
 */
@NullMarked
package care.parcours.scheduling.booking;

import org.jspecify.annotations.NullMarked;
