/**
 * The transactional outbox: an event is written in the transaction of the change it
 * describes and relayed to Kafka after commit, in order per aggregate, at least once, and
 * never lost when the process dies between commit and publish.
 */
@NullMarked
package care.parcours.platform.outbox;

import org.jspecify.annotations.NullMarked;
