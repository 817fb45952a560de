/**
 * Each service's instances behind its {@code lb://} routes: Spring Cloud LoadBalancer's
 * round robin over a static list (several local processes, or one Kubernetes Service
 * address), passing over an instance for a moment after it refused a connection.
 */
@NullMarked
package care.parcours.gateway.balancing;

import org.jspecify.annotations.NullMarked;
