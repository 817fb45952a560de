/**
 * Amounts of money: a decimal amount in an ISO 4217 currency, exact to the currency's
 * minor unit, never a floating-point number.
 */
@NullMarked
package care.parcours.platform.money;

import org.jspecify.annotations.NullMarked;
