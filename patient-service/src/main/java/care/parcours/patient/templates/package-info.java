/**
 * Pathway templates (protocols): versioned lists of steps placed around one anchor step,
 * with their dependencies, owners and what a booking step needs; and the sample templates
 * the local platform loads.
 */
@NullMarked
package care.parcours.patient.templates;

import org.jspecify.annotations.NullMarked;
