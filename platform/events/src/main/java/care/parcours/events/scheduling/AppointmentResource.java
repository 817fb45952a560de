package care.parcours.events.scheduling;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A resource a hold or an appointment takes, for one role of its type: its practitioner
 * (role {@code practitioner}), a room, a machine, an interpreter. Ids only: a resource's
 * label (an interpreter's name) stays in partner-service.
 *
 * @param role the role it fills, such as {@code practitioner}, {@code room} or
 * {@code interpreter}
 * @param resourceId the practitioner or resource
 * @param partnerId the partner it belongs to, when scheduling-service knows it: the
 * partners named here are those the booking concerns
 */
public record AppointmentResource(String role, UUID resourceId, @Nullable UUID partnerId) {

}
