/**
 * scheduling-service: practitioners' schedules, slots, holds, appointments and waiting
 * lists.
 */
@NullMarked
package care.parcours.scheduling;

import org.jspecify.annotations.NullMarked;
