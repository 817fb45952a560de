package care.parcours.events;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What travels on Kafka: a CloudEvents 1.0 structured-mode event plus the Parcours
 * extension attributes. {@code subject} is the aggregate id and also the record key, so
 * one aggregate's events stay in order on one partition.
 *
 * @param specversion always {@value #SPEC_VERSION}
 * @param id unique per event; consumers deduplicate on it
 * @param source the producing service, as {@code /parcours/partner-service}
 * @param type the payload's {@link EventType}
 * @param subject the aggregate id
 * @param time when the change was committed (UTC)
 * @param datacontenttype always {@code application/json}
 * @param correlationId the request or event that caused this one
 * @param aggregateVersion the aggregate's version after the change
 * @param pathwayId the care pathway the change belongs to, when there is one
 * @param data the payload record as JSON
 */
public record EventEnvelope(String specversion, String id, String source, String type, String subject, Instant time,
		String datacontenttype, String correlationId, long aggregateVersion, @Nullable String pathwayId,
		JsonNode data) {

	public static final String SPEC_VERSION = "1.0";

	public static final String CONTENT_TYPE = "application/json";

	public EventEnvelope {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(correlationId, "correlationId");
		Objects.requireNonNull(data, "data");
		if (!SPEC_VERSION.equals(specversion)) {
			throw new IllegalArgumentException("unsupported CloudEvents specversion " + specversion);
		}
		if (aggregateVersion < 0) {
			throw new IllegalArgumentException("aggregateVersion must not be negative");
		}
	}

}
