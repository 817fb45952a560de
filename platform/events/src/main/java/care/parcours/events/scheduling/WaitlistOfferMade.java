package care.parcours.events.scheduling;

import java.time.Instant;
import java.util.UUID;

import care.parcours.events.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A slot freed up and the first eligible waiter got a hold on it.
 *
 * @param entryId the waiting-list entry
 * @param holdId the hold placed for the waiter
 * @param patientId the waiter
 * @param practitionerId whose slot
 * @param partnerId where the practitioner works
 * @param start start of the slot (UTC)
 * @param end end of the slot (UTC)
 * @param expiresAt when the hold lapses unless confirmed
 * @param stepId the care pathway step it was made for, if any (the envelope carries the
 * pathway)
 */
@EventType("scheduling.waitlist.offer-made.v1")
public record WaitlistOfferMade(UUID entryId, UUID holdId, UUID patientId, UUID practitionerId, UUID partnerId,
		Instant start, Instant end, Instant expiresAt, @Nullable UUID stepId) implements SchedulingEvent {

}
