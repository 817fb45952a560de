/**
 * Patient records: identity and contacts, stored encrypted, announced to other services
 * by id only.
 */
@NullMarked
package care.parcours.patient.patients;

import org.jspecify.annotations.NullMarked;
