/**
 * Quotes: priced proposals for a care pathway, in versions the patient accepts one of.
 */
@NullMarked
package care.parcours.billing.quotes;

import org.jspecify.annotations.NullMarked;
