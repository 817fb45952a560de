/**
 * End-to-end scenarios through the gateway against the whole platform, each application
 * started from its built jar as a separate process.
 */
@NullMarked
package care.parcours.system.scenarios;

import org.jspecify.annotations.NullMarked;
