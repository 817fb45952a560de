/**
 * Documents of a patient (PDF, JPEG, PNG): their type read from their bytes, sealed with
 * the patient's data key, stored in PostgreSQL or in a directory, every upload, list and
 * download audited.
 */
@NullMarked
package care.parcours.patient.documents;

import org.jspecify.annotations.NullMarked;
