/**
 * Proof that the operations configuration under ops/ works: the alert rules pass
 * promtool's checks and their unit tests, every dashboard and alert expression parses,
 * and each metric they name is one the services export (the last proven against the
 * running platform in {@code care.parcours.system.scenarios.DashboardMetricsExportedIT}).
 */
@NullMarked
package care.parcours.system.ops;

import org.jspecify.annotations.NullMarked;
