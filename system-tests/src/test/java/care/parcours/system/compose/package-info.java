/**
 * Static checks of the container platform: docker-compose.yml, the Dockerfile and the
 * operations configuration under ops/, read as files since no container runs here.
 */
@NullMarked
package care.parcours.system.compose;

import org.jspecify.annotations.NullMarked;
