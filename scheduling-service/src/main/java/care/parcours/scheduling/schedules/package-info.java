/**
 * Practitioners' schedules: one per practitioner, opened when partner-service announces
 * the practitioner, kept in the practitioner's time zone.
 */
@NullMarked
package care.parcours.scheduling.schedules;

import org.jspecify.annotations.NullMarked;
