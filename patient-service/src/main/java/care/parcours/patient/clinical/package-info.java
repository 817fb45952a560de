/**
 * What the clinical features (observations, notes, documents) share: the patient they
 * write to must exist and have a data key, and the caller as the audit trail records
 * them.
 */
@NullMarked
package care.parcours.patient.clinical;

import org.jspecify.annotations.NullMarked;
