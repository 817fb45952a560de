/**
 * Events of partner-service: partners and their practitioners joining and changing.
 */
@NullMarked
package care.parcours.events.partner;

import org.jspecify.annotations.NullMarked;
