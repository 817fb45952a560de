/**
 * Care pathways: one patient's journey for one need, opened from a template version, its
 * steps with due dates and owners, its alerts; the rules of its life in
 * {@link care.parcours.patient.pathways.Pathway}, and the calls the timeline makes when
 * other services' events move its steps
 * ({@link care.parcours.patient.pathways.PathwayService}).
 */
@NullMarked
package care.parcours.patient.pathways;

import org.jspecify.annotations.NullMarked;
