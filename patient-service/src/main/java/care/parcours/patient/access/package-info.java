/**
 * The audit trail of who read or changed which patient record, when, and in which
 * request.
 */
@NullMarked
package care.parcours.patient.access;

import org.jspecify.annotations.NullMarked;
