/**
 * Transactions tried again when they lose to concurrent ones: a deadlock or a
 * serialization failure is a reason to try again, not an error.
 */
@NullMarked
package care.parcours.platform.retry;

import org.jspecify.annotations.NullMarked;
