/**
 * The OAuth2 / OpenID Connect endpoints (Spring Authorization Server), the login page,
 * the claims every access token carries, and the security of the administration API,
 * which accepts only this server's own tokens of administrators.
 */
@NullMarked
package care.parcours.auth.server;

import org.jspecify.annotations.NullMarked;
