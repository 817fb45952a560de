/**
 * Payment providers' notifications: signed with a secret shared per provider rather than
 * a user's token, each checked against its raw body before anything is read from it.
 */
@NullMarked
package care.parcours.billing.notifications;

import org.jspecify.annotations.NullMarked;
