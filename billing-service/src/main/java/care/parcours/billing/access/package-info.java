/** Who may call which endpoint of billing-service: the README's role matrix. */
@NullMarked
package care.parcours.billing.access;

import org.jspecify.annotations.NullMarked;
