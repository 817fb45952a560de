/**
 * Each service describes itself in an OpenAPI 3.1 document at {@code /v3/api-docs}, with
 * the security schemes its endpoints need; the gateway's Swagger UI shows them all.
 */
@NullMarked
package care.parcours.platform.openapi;

import org.jspecify.annotations.NullMarked;
