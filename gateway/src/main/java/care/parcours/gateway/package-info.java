/**
 * The public entry point of Parcours: routes {@code /api/**} to the four services, with a
 * timeout and a circuit breaker per service and problem details for its own errors.
 */
@NullMarked
package care.parcours.gateway;

import org.jspecify.annotations.NullMarked;
