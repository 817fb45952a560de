package care.parcours.scheduling.slots;

import java.util.UUID;

/**
 * The resource a free slot proposes for one role of its type.
 *
 * @param role the role it fills, such as {@code room}
 * @param resourceId the resource
 */
public record ProposedResource(String role, UUID resourceId) {

}
