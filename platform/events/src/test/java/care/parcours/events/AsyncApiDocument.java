package care.parcours.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the AsyncAPI 3.0 document of the event catalog: a channel per topic, an
 * operation per family (Parcours sends), a message per event type whose payload is the
 * CloudEvents envelope with the type's JSON Schema as its {@code data}, and a sample of
 * each. Nothing here is written by hand: the records, their schemas and their samples are
 * the source, so the document cannot drift from what the services publish.
 */
final class AsyncApiDocument {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Instant SAMPLE_TIME = Instant.parse("2026-12-01T08:00:00Z");

	private final EventCatalog catalog;

	private final Function<String, JsonNode> schemas;

	private final Map<Class<? extends DomainEvent>, DomainEvent> samples;

	private final EventCodec codec;

	/**
	 * @param catalog the families to describe
	 * @param schemas the JSON Schema of a type name (and of {@code "envelope"})
	 * @param samples a sample payload per event record
	 * @param codec how the services write events
	 */
	AsyncApiDocument(EventCatalog catalog, Function<String, JsonNode> schemas,
			Map<Class<? extends DomainEvent>, DomainEvent> samples, EventCodec codec) {
		this.catalog = catalog;
		this.schemas = schemas;
		this.samples = samples;
		this.codec = codec;
	}

	ObjectNode write() {
		ObjectNode document = NODES.objectNode();
		document.put("asyncapi", "3.0.0");
		document.put("id", "urn:parcours:events");
		ObjectNode info = document.putObject("info");
		info.put("title", "Parcours events");
		info.put("version", "1");
		info.put("description", """
				Every event the Parcours services publish on Kafka, one topic per service \
				(`parcours.<service>.v1`). Each record's value is a CloudEvents 1.0 envelope in structured \
				mode (JSON); its `type` names the event and its `data` holds the payload. The record key is the \
				aggregate's id (the envelope's `subject`), so one aggregate's events stay in order on one \
				partition; `aggregateVersion` orders them and lets a consumer drop a redelivery or an older \
				event. Delivery is at least once: consumers are idempotent on the envelope's `id`. Payloads \
				carry ids, codes, dates and amounts (decimal strings) only, never a patient's personal data. \
				A type's payload only ever gains optional properties; an incompatible change is a new type \
				(`.v2`) published beside the old one.""");
		info.putObject("license").put("name", "Proprietary");
		document.put("defaultContentType", "application/json");
		ObjectNode server = document.putObject("servers").putObject("kafka");
		server.put("host", "{bootstrapServers}");
		server.put("protocol", "kafka");
		server.put("description", "The deployment's Kafka cluster (PARCOURS_KAFKA_BOOTSTRAP_SERVERS).");
		server.putObject("variables")
			.putObject("bootstrapServers")
			.put("default", "127.0.0.1:9092")
			.put("description", "host:port of a bootstrap broker");

		ObjectNode channels = document.putObject("channels");
		ObjectNode operations = document.putObject("operations");
		ObjectNode components = document.putObject("components");
		ObjectNode componentSchemas = components.putObject("schemas");
		ObjectNode componentMessages = components.putObject("messages");
		componentSchemas.set("envelope", schemaBody(schemas.apply("envelope")));

		for (Class<? extends DomainEvent> family : catalog.families()) {
			String topic = EventCatalog.topicOf(family);
			String service = topic.split("\\.")[1];
			ObjectNode channel = channels.putObject(service);
			channel.put("address", topic);
			channel.put("title", topic);
			channel.put("description", "What " + applicationOf(service) + " publishes, keyed by aggregate id.");
			ObjectNode channelMessages = channel.putObject("messages");
			ObjectNode operation = operations.putObject("publish-" + service);
			operation.put("action", "send");
			operation.put("title", applicationOf(service) + " publishes");
			operation.putObject("channel").put("$ref", "#/channels/" + service);
			ArrayNode operationMessages = operation.putArray("messages");
			for (Class<? extends DomainEvent> event : EventCatalog.eventsOf(family)) {
				String type = EventCatalog.typeOf(event);
				JsonNode schema = schemas.apply(type);
				componentSchemas.set(type, schemaBody(schema));
				componentMessages.set(type, message(type, schema, event, service));
				channelMessages.putObject(type).put("$ref", "#/components/messages/" + type);
				operationMessages.addObject().put("$ref", "#/channels/" + service + "/messages/" + type);
			}
		}
		return document;
	}

	private ObjectNode message(String type, JsonNode schema, Class<? extends DomainEvent> event, String service) {
		ObjectNode message = NODES.objectNode();
		message.put("name", type);
		message.put("title", type);
		message.put("summary", schema.path("description").asString());
		message.put("contentType", "application/json");
		ObjectNode payload = message.putObject("payload");
		ArrayNode allOf = payload.putArray("allOf");
		allOf.addObject().put("$ref", "#/components/schemas/envelope");
		ObjectNode typed = allOf.addObject();
		typed.put("type", "object");
		ObjectNode properties = typed.putObject("properties");
		properties.putObject("type").put("const", type);
		properties.putObject("data").put("$ref", "#/components/schemas/" + type);
		ObjectNode kafka = message.putObject("bindings").putObject("kafka");
		kafka.putObject("key")
			.put("type", "string")
			.put("description", "The aggregate's id, the envelope's subject: one aggregate, one partition.");
		kafka.put("bindingVersion", "0.5.0");
		DomainEvent sample = samples.get(event);
		if (sample == null) {
			throw new IllegalStateException("No sample of " + event.getSimpleName());
		}
		message.putArray("examples")
			.addObject()
			.put("name", "sample")
			.set("payload", sampleEnvelope(type, service, sample));
		return message;
	}

	/** A sample record value, the same on every run: ids derived from the type's name. */
	private JsonNode sampleEnvelope(String type, String service, DomainEvent sample) {
		UUID id = UUID.nameUUIDFromBytes(type.getBytes(StandardCharsets.UTF_8));
		String application = service.equals("auth") ? "authorization-server" : service + "-service";
		EventEnvelope envelope = new EventEnvelope(EventEnvelope.SPEC_VERSION, id.toString(),
				"/parcours/" + application, type, "aggregate-1", SAMPLE_TIME, EventEnvelope.CONTENT_TYPE,
				"correlation-1", 3, null, codec.toTree(sample));
		return codec.toTree(envelope);
	}

	/** The application that publishes on {@code parcours.<service>.v1}. */
	private static String applicationOf(String service) {
		return service.equals("auth") ? "authorization-server" : service + "-service";
	}

	/**
	 * A schema as an AsyncAPI Schema object: its body, without the JSON Schema dialect
	 * and id.
	 */
	private static ObjectNode schemaBody(JsonNode schema) {
		ObjectNode body = (ObjectNode) schema.deepCopy();
		body.remove("$schema");
		body.remove("$id");
		return body;
	}

}
