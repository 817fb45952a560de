package care.parcours.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the published contracts honest: every event has a schema that matches its record,
 * serialised events validate against it, no schema drifts incompatibly from what
 * consumers already rely on, and no event carries personal data.
 */
class EventContractsTests {

	private static final Pattern TYPE_NAME = Pattern.compile("^([a-z]+)\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+$");

	/** Property names that would put personal data on the bus. */
	private static final Pattern PERSONAL_DATA = Pattern
		.compile("(?i).*(name|email|phone|mobile|birth|address|street|postal|passport|note|diagnos|comment).*");

	/**
	 * Names the pattern catches that are not personal: a credit note is an accounting
	 * document.
	 */
	private static final Set<String> NOT_PERSONAL = Set.of("creditNoteId");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private final EventCodec codec = new EventCodec("/parcours/contract-tests");

	@TestFactory
	Stream<DynamicTest> everyEventMatchesItsSchema() {
		return allEvents().map(event -> DynamicTest.dynamicTest(EventCatalog.typeOf(event), () -> {
			JsonNode schema = schemaOf(EventCatalog.typeOf(event));
			Set<String> components = new HashSet<>();
			Set<String> requiredComponents = new HashSet<>();
			for (RecordComponent component : event.getRecordComponents()) {
				components.add(component.getName());
				if (!component.isAnnotationPresent(Nullable.class)
						&& !component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
					requiredComponents.add(component.getName());
				}
			}
			assertThat(schema.get("properties").propertyNames()).as("schema properties of %s", event.getSimpleName())
				.containsExactlyInAnyOrderElementsOf(components);
			assertThat(required(schema)).as("required properties of %s", event.getSimpleName())
				.containsExactlyInAnyOrderElementsOf(requiredComponents);
		}));
	}

	@TestFactory
	Stream<DynamicTest> serialisedEventsValidateAgainstTheirSchemaAndTheEnvelope() {
		Schema envelopeSchema = SCHEMAS.getSchema(schemaOf("envelope"));
		return allEvents().map(event -> DynamicTest.dynamicTest(EventCatalog.typeOf(event), () -> {
			DomainEvent sample = EventSamples.BY_TYPE.get(event);
			assertThat(sample).as("a sample of %s in EventSamples", event.getSimpleName()).isNotNull();
			EventEnvelope envelope = codec.envelope(sample, "subject-1", 3, Instant.parse("2026-11-23T09:00:00Z"),
					"corr-1", null);
			JsonNode wire = JSON.readTree(codec.write(envelope));

			assertThat(envelopeSchema.validate(wire)).isEmpty();
			assertThat(SCHEMAS.getSchema(schemaOf(envelope.type())).validate(wire.get("data"))).isEmpty();
			assertThat(codec.payload(codec.read(codec.write(envelope)), event)).isEqualTo(sample);
		}));
	}

	@TestFactory
	Stream<DynamicTest> publishedSchemasStayBackwardCompatible() throws IOException {
		List<Path> published;
		try (Stream<Path> files = Files.list(resourceDirectory("published"))) {
			published = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
		}
		assertThat(published).isNotEmpty();
		return published.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
			String name = path.getFileName().toString().replace(".json", "");
			JsonNode before = JSON.readTree(Files.readString(path));
			JsonNode now = schemaOf(name);
			assertThat(incompatibilities(before, now)).as("breaking changes to %s: publish a new version instead", name)
				.isEmpty();
		}));
	}

	@Test
	void typeNamesFollowServiceAggregateVerbVersionAndMatchTheirTopic() {
		EventCatalog catalog = EventCatalog.all();
		for (Class<? extends DomainEvent> family : catalog.families()) {
			String topic = EventCatalog.topicOf(family);
			for (Class<? extends DomainEvent> event : EventCatalog.eventsOf(family)) {
				var matcher = TYPE_NAME.matcher(EventCatalog.typeOf(event));
				assertThat(matcher.matches()).as("type of %s", event.getSimpleName()).isTrue();
				assertThat(topic).isEqualTo("parcours." + matcher.group(1) + ".v1");
				assertThat(event.isRecord()).as("%s is a record", event.getSimpleName()).isTrue();
				assertThat(catalog.classOf(EventCatalog.typeOf(event))).contains(event);
			}
		}
	}

	@Test
	void noEventCarriesPersonalData() {
		List<String> offending = new ArrayList<>();
		allEvents().forEach(event -> schemaOf(EventCatalog.typeOf(event)).get("properties")
			.propertyNames()
			.stream()
			.filter(property -> PERSONAL_DATA.matcher(property).matches() && !NOT_PERSONAL.contains(property))
			.forEach(property -> offending.add(EventCatalog.typeOf(event) + "." + property)));
		assertThat(offending).isEmpty();
	}

	/** What a consumer written against {@code before} would trip over in {@code now}. */
	private static List<String> incompatibilities(JsonNode before, JsonNode now) {
		List<String> problems = new ArrayList<>();
		JsonNode nowProperties = now.path("properties");
		for (String property : before.path("properties").propertyNames()) {
			JsonNode was = before.get("properties").get(property);
			JsonNode is = nowProperties.get(property);
			if (is == null) {
				problems.add("removed " + property);
			}
			else if (!was.path("type").equals(is.path("type"))) {
				problems.add("changed the type of " + property);
			}
		}
		Set<String> newlyRequired = new HashSet<>(required(now));
		newlyRequired.removeAll(required(before));
		newlyRequired.retainAll(before.path("properties").propertyNames());
		newlyRequired.forEach(property -> problems.add("made " + property + " required"));
		Set<String> noLongerRequired = new HashSet<>(required(before));
		noLongerRequired.removeAll(required(now));
		noLongerRequired.forEach(property -> problems.add("made " + property + " optional"));
		return problems;
	}

	private static Set<String> required(JsonNode schema) {
		Set<String> required = new HashSet<>();
		schema.path("required").forEach(node -> required.add(node.asString()));
		return required;
	}

	private static Stream<Class<? extends DomainEvent>> allEvents() {
		return EventCatalog.all().families().stream().flatMap(family -> EventCatalog.eventsOf(family).stream());
	}

	private static JsonNode schemaOf(String name) {
		try (InputStream in = EventContractsTests.class.getResourceAsStream("/events/schemas/" + name + ".json")) {
			assertThat(in).as("schema events/schemas/%s.json", name).isNotNull();
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path resourceDirectory(String name) {
		URL url = EventContractsTests.class.getResource("/" + name);
		assertThat(url).isNotNull();
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
