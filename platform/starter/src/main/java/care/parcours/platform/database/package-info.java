/**
 * What the platform knows of its database's failures.
 */
@NullMarked
package care.parcours.platform.database;

import org.jspecify.annotations.NullMarked;
