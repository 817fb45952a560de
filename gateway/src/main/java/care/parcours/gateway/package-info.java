/**
 * The public entry point of Parcours: checks bearer tokens and rate limits, routes
 * {@code /api/**} to the four services (with a timeout and a circuit breaker per service)
 * and the sign-in paths to the authorization server, and answers its own errors with
 * problem details.
 */
@NullMarked
package care.parcours.gateway;

import org.jspecify.annotations.NullMarked;
