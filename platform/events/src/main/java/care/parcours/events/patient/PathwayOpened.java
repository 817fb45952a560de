package care.parcours.events.patient;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A care pathway was opened for a patient from a template. Ids, codes and times only.
 *
 * @param pathwayId the pathway (also the envelope's {@code pathwayId})
 * @param patientId for whom
 * @param templateId the template it follows
 * @param templateVersion the version of the template it was opened from; later versions
 * never change it
 * @param partnerId the partner clinic or hospital, if one is chosen yet
 * @param coordinatorId the responsible coordinator's user id
 * @param anchorAt the anchor step's date, from which the other steps' due dates follow
 * @param openedAt when it was opened
 */
@EventType("patient.pathway.opened.v1")
public record PathwayOpened(UUID pathwayId, UUID patientId, UUID templateId, int templateVersion,
		@Nullable UUID partnerId, String coordinatorId, Instant anchorAt, Instant openedAt) implements PatientEvent {

}
