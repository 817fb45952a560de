/**
 * The patients this service may book for: ids announced by patient-service, nothing else;
 * erased ones stay as ids, refused for anything new.
 */
@NullMarked
package care.parcours.scheduling.patients;

import org.jspecify.annotations.NullMarked;
