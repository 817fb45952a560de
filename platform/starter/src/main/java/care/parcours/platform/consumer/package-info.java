/**
 * Idempotent event consumers: a service declares
 * {@link care.parcours.platform.consumer.EventHandler} beans; the platform subscribes to
 * their topics, records each handled event id in the handler's own transaction, and skips
 * an event it has already handled.
 */
@NullMarked
package care.parcours.platform.consumer;

import org.jspecify.annotations.NullMarked;
