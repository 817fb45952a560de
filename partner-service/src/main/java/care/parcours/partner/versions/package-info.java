/**
 * Optimistic concurrency for edits: the version a client read, sent back in
 * {@code If-Match}, and the refusal of an edit made on a stale version.
 */
@NullMarked
package care.parcours.partner.versions;

import org.jspecify.annotations.NullMarked;
