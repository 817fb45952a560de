/**
 * What each patient consented to (care coordination, sharing with a named partner,
 * research, contact), from when and until when, recorded by whom and how; and the check a
 * partner's read of a record must pass.
 */
@NullMarked
package care.parcours.patient.consent;

import org.jspecify.annotations.NullMarked;
