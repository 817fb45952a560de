/**
 * This service's copies of the resources partners offer besides practitioners (rooms,
 * equipment, interpreters), kept from partner-service's events: the first step towards
 * appointments that need several resources at once (issue 23).
 */
@NullMarked
package care.parcours.scheduling.resources;

import org.jspecify.annotations.NullMarked;
