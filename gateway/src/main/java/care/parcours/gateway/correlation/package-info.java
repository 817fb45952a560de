/**
 * Correlation ids: accepted from the client or generated, forwarded downstream, returned
 * to the client and kept in the logging context.
 */
@NullMarked
package care.parcours.gateway.correlation;

import org.jspecify.annotations.NullMarked;
