/**
 * Who may come in: a valid bearer token on every {@code /api/**} request (signature,
 * issuer, audience, expiry; roles are the services' business), the paths that stay open,
 * and the security headers on every answer.
 */
@NullMarked
package care.parcours.gateway.security;

import org.jspecify.annotations.NullMarked;
