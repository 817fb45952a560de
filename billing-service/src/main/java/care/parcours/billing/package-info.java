/**
 * billing-service: quotes (devis), insurance coverage, invoices and payments.
 */
@NullMarked
package care.parcours.billing;

import org.jspecify.annotations.NullMarked;
