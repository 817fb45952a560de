/** Who may call which endpoint of partner-service: the README's role matrix. */
@NullMarked
package care.parcours.partner.access;

import org.jspecify.annotations.NullMarked;
