/**
 * This service's copy of the partner directory, kept from partner-service's events, so
 * that slot search can filter by country, city and language without calling
 * partner-service.
 */
@NullMarked
package care.parcours.scheduling.partners;

import org.jspecify.annotations.NullMarked;
