/**
 * Events of scheduling-service: holds, appointments and waiting-list offers. Each carries
 * the partner and practitioner it concerns, so that partners can be told of their own.
 */
@NullMarked
package care.parcours.events.scheduling;

import org.jspecify.annotations.NullMarked;
