/**
 * Who may call which endpoint of scheduling-service (the README's role matrix), and the
 * partner isolation rules.
 */
@NullMarked
package care.parcours.scheduling.access;

import org.jspecify.annotations.NullMarked;
