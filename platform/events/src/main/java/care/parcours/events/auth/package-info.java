/**
 * Events of the authorization server: partner clients (the machine credentials of partner
 * organisations) issued and revoked, so that resource servers can refuse the still-valid
 * tokens of a revoked client.
 */
@NullMarked
package care.parcours.events.auth;

import org.jspecify.annotations.NullMarked;
