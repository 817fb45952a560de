/**
 * Rate limits: a token bucket in Redis per client, per user or, before authentication,
 * per remote address; over the limit, 429 with {@code Retry-After}.
 */
@NullMarked
package care.parcours.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
