/**
 * HTTP syntax the gateway and every service check on each request, written without
 * regular expressions because they run on every header of every request.
 */
@NullMarked
package care.parcours.http;

import org.jspecify.annotations.NullMarked;
