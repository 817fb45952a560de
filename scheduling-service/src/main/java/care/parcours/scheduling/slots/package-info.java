/**
 * Slot search: free slots derived from availability rules minus bookings, across
 * practitioners, earliest first, computed on demand rather than stored.
 */
@NullMarked
package care.parcours.scheduling.slots;

import org.jspecify.annotations.NullMarked;
