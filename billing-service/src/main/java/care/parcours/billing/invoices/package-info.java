/**
 * Invoices issued from a quote's accepted version and the care performed, numbered
 * without gaps per issuer and year, fixed once issued; their credit notes, payments and
 * refunds, and the balance they leave.
 */
@NullMarked
package care.parcours.billing.invoices;

import org.jspecify.annotations.NullMarked;
