package care.parcours.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document partners read ({@code docs/asyncapi/parcours-events.json}, served
 * by the gateway) is the one the catalog writes, is a valid AsyncAPI 3.0 document, and
 * names every event the services publish with a sample that its own schema accepts. Run
 * with {@code -Dparcours.asyncapi.update=true} to rewrite it after a contract change.
 */
class AsyncApiDocumentTests {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private static final Path COMMITTED = repositoryRoot().resolve("docs/asyncapi/parcours-events.json");

	private final ObjectNode written = new AsyncApiDocument(EventCatalog.all(), AsyncApiDocumentTests::schemaOf,
			EventSamples.BY_TYPE, new EventCodec("/parcours/asyncapi"))
		.write();

	@Test
	void theCommittedDocumentIsTheOneTheCatalogWrites() throws IOException {
		if (Boolean.getBoolean("parcours.asyncapi.update") || !Files.exists(COMMITTED)) {
			Files.createDirectories(COMMITTED.getParent());
			Files.writeString(COMMITTED, JSON.writeValueAsString(written) + "\n");
		}
		// Through text, as a reader gets it: numbers read back as the smallest type that
		// holds them.
		assertThat(JSON.readTree(Files.readString(COMMITTED)))
			.as("%s differs from what the event catalog writes: if the contract change is meant, run "
					+ "./mvnw -pl platform/events test -Dparcours.asyncapi.update=true and commit the file", COMMITTED)
			.isEqualTo(JSON.readTree(JSON.writeValueAsString(written)));
	}

	@Test
	void theDocumentIsValidAsyncApi3() {
		Schema asyncApi = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
			.getSchema(resource("/asyncapi/asyncapi-3.0.0.schema.json"));

		assertThat(asyncApi.validate(written)).isEmpty();
	}

	@Test
	void aDocumentThatBreaksTheSpecificationIsRefused() {
		Schema asyncApi = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
			.getSchema(resource("/asyncapi/asyncapi-3.0.0.schema.json"));
		ObjectNode broken = written.deepCopy();
		((ObjectNode) broken.get("operations").get("publish-scheduling")).put("action", "publish");

		assertThat(asyncApi.validate(broken)).as("AsyncAPI 3 operations send or receive; 'publish' was 2.x")
			.isNotEmpty();
	}

	@Test
	void everyTopicAndEventTypeIsDescribed() {
		Set<String> topics = new TreeSet<>();
		Set<String> types = new TreeSet<>();
		for (Class<? extends DomainEvent> family : EventCatalog.all().families()) {
			topics.add(EventCatalog.topicOf(family));
			EventCatalog.eventsOf(family).forEach(event -> types.add(EventCatalog.typeOf(event)));
		}
		Set<String> addresses = new TreeSet<>();
		written.get("channels").forEach(channel -> addresses.add(channel.get("address").asString()));
		Set<String> messages = new TreeSet<>();
		written.get("channels").forEach(channel -> messages.addAll(channel.get("messages").propertyNames()));

		assertThat(addresses).isEqualTo(topics);
		assertThat(messages).isEqualTo(types);
		assertThat(written.get("components").get("messages").propertyNames())
			.containsExactlyInAnyOrderElementsOf(types);
	}

	@Test
	void everyMessagesSampleMatchesItsOwnPayloadSchema() {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : written.get("components").get("messages").properties()) {
			String type = entry.getKey();
			JsonNode sample = entry.getValue().get("examples").get(0).get("payload");
			JsonNode envelope = written.get("components").get("schemas").get("envelope");
			JsonNode data = written.get("components").get("schemas").get(type);
			if (!registry.getSchema(envelope).validate(sample).isEmpty()
					|| !registry.getSchema(data).validate(sample.get("data")).isEmpty()
					|| !sample.get("type").asString().equals(type)) {
				wrong.add(type);
			}
		}
		assertThat(wrong).as("messages whose sample does not match their schema").isEmpty();
	}

	private static JsonNode schemaOf(String name) {
		return resource("/events/schemas/" + name + ".json");
	}

	private static JsonNode resource(String name) {
		try (InputStream in = AsyncApiDocumentTests.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("No resource " + name);
			}
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("No repository root (a directory with mvnw) above " + Path.of(""));
		}
		return dir;
	}

}
