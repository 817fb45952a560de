/**
 * A care pathway's timeline, fed by the events of the work its steps started (holds and
 * appointments today; quotes and invoices once billing publishes them), and the fold that
 * moves each step from that news whatever order and however often it arrives.
 */
@NullMarked
package care.parcours.patient.timeline;

import org.jspecify.annotations.NullMarked;
