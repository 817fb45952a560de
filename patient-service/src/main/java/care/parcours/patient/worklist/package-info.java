/**
 * The coordinators' work list: active pathways with their next step and open alerts, most
 * urgent first, read from the pathway's own denormalised columns so that a page is one
 * index scan.
 */
@NullMarked
package care.parcours.patient.worklist;

import org.jspecify.annotations.NullMarked;
