/**
 * Practitioners and the partners they work for; each one gets a schedule in
 * scheduling-service through the events published here.
 */
@NullMarked
package care.parcours.partner.practitioners;

import org.jspecify.annotations.NullMarked;
