/**
 * Network indicators: a read model of scheduling's and billing's news per partner (ids,
 * counts, times and amounts, never a person), the monthly report per partner that sums it
 * in SQL, and the Prometheus gauges of the current month and of each coordinator's
 * pathways.
 */
@NullMarked
package care.parcours.patient.indicators;

import org.jspecify.annotations.NullMarked;
