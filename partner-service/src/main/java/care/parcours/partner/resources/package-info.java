/**
 * Resources that appointments need besides practitioners: rooms, equipment and a
 * provider's staff such as interpreters; each gets a schedule in scheduling-service
 * through the events published here.
 */
@NullMarked
package care.parcours.partner.resources;

import org.jspecify.annotations.NullMarked;
