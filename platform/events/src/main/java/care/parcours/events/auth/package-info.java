/**
 * Events of the authorization server: partner clients (the machine credentials of partner
 * organisations) issued and revoked, and people's sessions ended, so that resource
 * servers can refuse the still-valid tokens of a revoked client or an ended session.
 */
@NullMarked
package care.parcours.events.auth;

import org.jspecify.annotations.NullMarked;
