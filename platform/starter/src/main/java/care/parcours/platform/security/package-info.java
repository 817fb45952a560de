/**
 * Every service is an OAuth2 resource server: it validates the bearer token itself
 * (defence in depth behind the gateway), maps its {@code roles} claim to authorities,
 * refuses what no rule allows, and answers 401 and 403 as problem details.
 */
@NullMarked
package care.parcours.platform.security;

import org.jspecify.annotations.NullMarked;
