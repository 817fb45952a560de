/**
 * The benchmark's bare gateway.
 */
@NullMarked
package care.parcours.bench.baregateway;

import org.jspecify.annotations.NullMarked;
