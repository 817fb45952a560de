/**
 * The patients this service may book for: ids announced by patient-service, nothing else.
 */
@NullMarked
package care.parcours.scheduling.patients;

import org.jspecify.annotations.NullMarked;
