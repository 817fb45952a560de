/**
 * Who may call which endpoint of the test service.
 */
@NullMarked
package care.parcours.platform.testapp.access;

import org.jspecify.annotations.NullMarked;
