/**
 * Every error as an RFC 9457 {@code application/problem+json} document with a stable
 * type, a human detail, the correlation id and, for validation, the offending fields.
 */
@NullMarked
package care.parcours.platform.problem;

import org.jspecify.annotations.NullMarked;
