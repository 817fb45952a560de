/**
 * Published event contracts: the CloudEvents envelope every service puts on Kafka and one
 * sub-package of payload records per producing service, each with a JSON Schema.
 */
@NullMarked
package care.parcours.events;

import org.jspecify.annotations.NullMarked;
