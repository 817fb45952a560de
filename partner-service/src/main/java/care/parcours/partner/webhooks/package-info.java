/**
 * Webhook endpoints: where a partner wants the events that concern it, which types, and
 * the secret that signs each delivery (Standard Webhooks). Endpoints may only point at
 * public https addresses.
 */
@NullMarked
package care.parcours.partner.webhooks;

import org.jspecify.annotations.NullMarked;
