/**
 * What the route configuration cannot say on its own about failing services: a single
 * retry of reads whose connection was refused.
 */
@NullMarked
package care.parcours.gateway.resilience;

import org.jspecify.annotations.NullMarked;
