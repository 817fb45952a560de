package care.parcours.platform.consumer;

import java.time.Instant;

import care.parcours.events.EventEnvelope;
import org.jspecify.annotations.Nullable;

/**
 * The envelope of a received event, without its payload.
 *
 * @param id the event id
 * @param type the event type
 * @param source the producing service
 * @param subject the aggregate id
 * @param time when the change happened
 * @param correlationId the correlation id, current while the handler runs
 * @param aggregateVersion the aggregate's version after the change
 * @param pathwayId the care pathway, when there is one
 */
public record EventMetadata(String id, String type, String source, String subject, Instant time, String correlationId,
		long aggregateVersion, @Nullable String pathwayId) {

	static EventMetadata of(EventEnvelope envelope) {
		return new EventMetadata(envelope.id(), envelope.type(), envelope.source(), envelope.subject(), envelope.time(),
				envelope.correlationId(), envelope.aggregateVersion(), envelope.pathwayId());
	}

}
