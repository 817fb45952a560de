/**
 * Partners of the network: who they are, where, in which time zone, with which
 * specialties and languages.
 */
@NullMarked
package care.parcours.partner.partners;

import org.jspecify.annotations.NullMarked;
