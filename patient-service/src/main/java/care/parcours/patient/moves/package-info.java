/**
 * Moving a whole pathway when its anchor slips: unbooked steps follow at once, booked
 * ones are asked of scheduling as one cascade, and the answer completes the move or names
 * the step that could not move.
 */
@NullMarked
package care.parcours.patient.moves;

import org.jspecify.annotations.NullMarked;
