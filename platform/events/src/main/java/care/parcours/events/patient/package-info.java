/**
 * Events of patient-service. They carry patient ids only: personal data stays in
 * patient-service.
 */
@NullMarked
package care.parcours.events.patient;

import org.jspecify.annotations.NullMarked;
