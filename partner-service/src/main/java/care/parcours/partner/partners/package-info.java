/**
 * Partners of the network: who they are, where, in which time zone, with which
 * specialties, languages, accreditations and contacts, and where they stand with the
 * network (onboarding, active, suspended).
 */
@NullMarked
package care.parcours.partner.partners;

import org.jspecify.annotations.NullMarked;
