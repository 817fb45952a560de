/**
 * What is checked before anything else: CORS for the configured front-end origins only,
 * and the size of a request's headers and body.
 */
@NullMarked
package care.parcours.gateway.edge;

import org.jspecify.annotations.NullMarked;
