/**
 * A small service built on the starter, as the real ones are, for the starter's own
 * tests.
 */
@NullMarked
package care.parcours.platform.testapp;

import org.jspecify.annotations.NullMarked;
