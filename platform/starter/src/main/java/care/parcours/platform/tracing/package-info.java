/**
 * Traces that outlive the work that started them: the W3C context stored with work done
 * later (an outbox row, a webhook delivery) and continued when that work runs.
 */
@NullMarked
package care.parcours.platform.tracing;

import org.jspecify.annotations.NullMarked;
