/**
 * Benchmarks: each starts what it measures from the built jars, loads it for a fixed time
 * and prints its figures beside a baseline measured in the same run (pgbench on the same
 * database, say), as ratios, because these machines are shared and noisy.
 */
@NullMarked
package care.parcours.bench;

import org.jspecify.annotations.NullMarked;
