/**
 * Care pathway chains: appointments linked by rules (pre-op consult the day before
 * surgery, follow-up a week after), and cascade rescheduling that moves a whole chain
 * together or says exactly which step cannot move and why.
 */
@NullMarked
package care.parcours.scheduling.chains;

import org.jspecify.annotations.NullMarked;
