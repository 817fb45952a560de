/**
 * The controlled vocabulary of medical specialties, with names in French, English and
 * Dutch.
 */
@NullMarked
package care.parcours.partner.specialties;

import org.jspecify.annotations.NullMarked;
