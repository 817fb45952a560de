/**
 * GDPR export: everything held about a patient, gathered from every feature's
 * {@link care.parcours.patient.PatientDataExport} into one document, audited.
 */
@NullMarked
package care.parcours.patient.export;

import org.jspecify.annotations.NullMarked;
