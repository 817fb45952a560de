/**
 * patient-service: the only place patient personal data lives, encrypted at rest, every
 * read audited.
 */
@NullMarked
package care.parcours.patient;

import org.jspecify.annotations.NullMarked;
