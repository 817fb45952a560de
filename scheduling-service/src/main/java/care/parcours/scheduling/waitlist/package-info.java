/**
 * Waiting lists: patients waiting for a practitioner or a specialty within a window get a
 * hold on the first matching slot that frees up, in the order they joined.
 */
@NullMarked
package care.parcours.scheduling.waitlist;

import org.jspecify.annotations.NullMarked;
