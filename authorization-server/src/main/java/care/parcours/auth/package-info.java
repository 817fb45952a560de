/**
 * The platform's OAuth2 / OpenID Connect authorization server: people log in for the web
 * front end (authorisation code with PKCE), machines and partner organisations use the
 * client-credentials grant, and every access token is a JWT the gateway and the services
 * validate against this server's JWK set.
 */
@NullMarked
package care.parcours.auth;

import org.jspecify.annotations.NullMarked;
