/**
 * RFC 9457 problem details for every error the gateway itself produces; downstream
 * answers, problems included, pass through untouched.
 */
@NullMarked
package care.parcours.gateway.problem;

import org.jspecify.annotations.NullMarked;
