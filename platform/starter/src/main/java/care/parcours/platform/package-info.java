/**
 * The Parcours platform starter: what every service shares, configured by Spring Boot
 * auto-configuration so that a service only adds its own features.
 */
@NullMarked
package care.parcours.platform;

import org.jspecify.annotations.NullMarked;
