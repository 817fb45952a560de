/**
 * Observations before a consultation: vital signs (LOINC codes, UCUM units, plausibility
 * ranges) and the coded lists of allergies and current medication.
 */
@NullMarked
package care.parcours.patient.observations;

import org.jspecify.annotations.NullMarked;
