/**
 * The machine clients of partner organisations: issued by an administrator for a partner
 * this server heard of from partner-service, their secret rotated, revoked; each issue
 * and revocation announced on {@code parcours.auth.v1}.
 */
@NullMarked
package care.parcours.auth.partnerclients;

import org.jspecify.annotations.NullMarked;
