/**
 * The documents partners' integration teams read before they write a line, served by the
 * gateway itself: the AsyncAPI document of every event, beside the Swagger UI of the HTTP
 * APIs.
 */
@NullMarked
package care.parcours.gateway.contracts;

import org.jspecify.annotations.NullMarked;
