/**
 * Exchange rates billing staff record, each with its date, for the indicative amount of a
 * quote in the patient's own currency. Never used to bill: quotes and invoices stay in
 * their own currency.
 */
@NullMarked
package care.parcours.billing.rates;

import org.jspecify.annotations.NullMarked;
