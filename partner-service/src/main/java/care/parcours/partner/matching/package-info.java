/**
 * Matching: which active partners fit a patient's need (specialty, language spoken by the
 * practitioners, place, accreditation, kind, distance from an airport), ranked, each with
 * the reasons it matched.
 */
@NullMarked
package care.parcours.partner.matching;

import org.jspecify.annotations.NullMarked;
