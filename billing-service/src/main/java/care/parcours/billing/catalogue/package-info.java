/**
 * The catalogue: what can be billed (medical acts under a nomenclature, stays, fees,
 * travel, hotel, interpreters, companion services) and each partner's tariffs over time,
 * imported from CSV price lists.
 */
@NullMarked
package care.parcours.billing.catalogue;

import org.jspecify.annotations.NullMarked;
