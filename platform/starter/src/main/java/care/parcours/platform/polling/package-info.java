/**
 * Work polled from the database by one instance of a service at a time, woken early when
 * there is news.
 */
@NullMarked
package care.parcours.platform.polling;

import org.jspecify.annotations.NullMarked;
