/**
 * Events of billing-service: quotes and prior authorisations. Ids, codes, dates and
 * amounts only; amounts are decimal strings in the event's ISO 4217 currency, exact to
 * its minor unit, never floating-point numbers.
 */
@NullMarked
package care.parcours.events.billing;

import org.jspecify.annotations.NullMarked;
