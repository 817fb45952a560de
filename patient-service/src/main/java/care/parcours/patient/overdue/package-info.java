/**
 * The watch over due dates: steps that passed their due date (tolerance included) without
 * being done or skipped become overdue, and alert their pathway's coordinator once.
 */
@NullMarked
package care.parcours.patient.overdue;

import org.jspecify.annotations.NullMarked;
