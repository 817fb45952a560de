/**
 * Clinical notes: free text sealed with the patient's data key, bound to the patient and
 * to the note, never logged nor quoted in a problem.
 */
@NullMarked
package care.parcours.patient.notes;

import org.jspecify.annotations.NullMarked;
