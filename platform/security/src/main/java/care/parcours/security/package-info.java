/**
 * How an access token is checked, one way at the gateway and in every service: the rules
 * a token must meet, the key its signature is checked with, and the cache of tokens
 * already verified.
 */
@NullMarked
package care.parcours.security;

import org.jspecify.annotations.NullMarked;
