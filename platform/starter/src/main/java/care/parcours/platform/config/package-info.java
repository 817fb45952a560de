/**
 * Defaults every service starts from: virtual threads, problem details, health groups,
 * metrics, Kafka client settings. A service's own configuration overrides them.
 */
@NullMarked
package care.parcours.platform.config;

import org.jspecify.annotations.NullMarked;
