package care.parcours.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns envelopes and payload records into JSON and back. One mapper for producers,
 * consumers and contract tests, so that what the tests check is what goes on the wire.
 */
public final class EventCodec {

	private final JsonMapper mapper;

	private final String source;

	/**
	 * @param source the producing service, such as {@code /parcours/partner-service}
	 */
	public EventCodec(String source) {
		this.source = source;
		this.mapper = JsonMapper.builder()
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
	}

	/** Wraps a payload in a new envelope with a fresh id. */
	public EventEnvelope envelope(DomainEvent event, String subject, long aggregateVersion, Instant time,
			String correlationId, @Nullable String pathwayId) {
		return new EventEnvelope(EventEnvelope.SPEC_VERSION, UUID.randomUUID().toString(), source,
				EventCatalog.typeOf(event.getClass()), subject, time, EventEnvelope.CONTENT_TYPE, correlationId,
				aggregateVersion, pathwayId, mapper.valueToTree(event));
	}

	public String write(EventEnvelope envelope) {
		return mapper.writeValueAsString(envelope);
	}

	/**
	 * @throws tools.jackson.core.JacksonException when the text is not an envelope
	 */
	public EventEnvelope read(String json) {
		return mapper.readValue(json, EventEnvelope.class);
	}

	public <T extends DomainEvent> T payload(EventEnvelope envelope, Class<T> type) {
		return mapper.treeToValue(envelope.data(), type);
	}

	public JsonNode toTree(Object value) {
		return mapper.valueToTree(value);
	}

}
