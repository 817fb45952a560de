/**
 * Idempotent POST requests: a request retried with the same {@code Idempotency-Key} takes
 * effect once and gets the first answer again.
 */
@NullMarked
package care.parcours.platform.idempotency;

import org.jspecify.annotations.NullMarked;
