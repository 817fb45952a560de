/**
 * Practitioners' availability: appointment types, weekly rules in the practitioner's time
 * zone and exceptions (leave, holidays, extra hours), from which free slots are derived.
 */
@NullMarked
package care.parcours.scheduling.availability;

import org.jspecify.annotations.NullMarked;
