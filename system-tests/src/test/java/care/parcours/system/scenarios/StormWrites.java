package care.parcours.system.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import care.parcours.test.TestKafka;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Writes to every service but scheduling-service through both gateways while instances
 * are killed, each sent again until a definitive answer, and what the clients were told;
 * then the check that every write they were told of is stored once, with its event.
 */
final class StormWrites {

	private final BothGateways gateways;

	private final Gateway coordinator;

	private final Gateway billing;

	private final String partnerId;

	/** Names this storm's catalogue codes. */
	private final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

	private final List<String> patients = new CopyOnWriteArrayList<>();

	private final List<String> practitioners = new CopyOnWriteArrayList<>();

	private final Map<String, String> itemsByKey = new ConcurrentHashMap<>();

	private final List<String> tokens = new CopyOnWriteArrayList<>();

	StormWrites(BothGateways gateways, Gateway coordinator, String partnerId) {
		this.gateways = gateways;
		this.coordinator = coordinator;
		this.partnerId = partnerId;
		this.billing = new Gateway(gateways.url(1), "billing");
		// Its token before the kills.
		this.billing.bearer();
	}

	void registerPatient(int i) {
		Gateway.Answer created = this.gateways.untilDefinitive(this.coordinator,
				(client) -> client.post("/api/patients", """
						{"givenName": "Nadia", "familyName": "Orage-%d", "birthDate": "1980-02-0%d", "sex": "FEMALE",
						 "nationality": "MA", "countryOfResidence": "MA", "languages": ["ar", "fr"]}
						""".formatted(i, 1 + i % 9)));
		assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
		this.patients.add(created.body().path("id").asString());
	}

	void registerPractitioner(int i) {
		Gateway.Answer created = this.gateways.untilDefinitive(this.coordinator,
				(client) -> client.post("/api/partners/" + this.partnerId + "/practitioners", """
						{"name": "Dr Orage %d", "specialties": ["cardiology"], "languages": ["fr"]}
						""".formatted(i)));
		assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
		this.practitioners.add(created.body().path("id").asString());
	}

	/** A catalogue item under an {@code Idempotency-Key}. */
	void defineItem(int i) {
		String key = "storm-item-" + UUID.randomUUID();
		Gateway.Answer created = this.gateways.untilDefinitive(this.billing,
				(client) -> client.postOnce("/api/catalogue/items", """
						{"kind": "HOTEL", "nomenclature": "PARCOURS", "code": "STORM-%s-%d",
						 "labels": {"fr": "Nuit d'hôtel", "en": "Hotel night", "nl": "Hotelnacht"}}
						""".formatted(this.run, i), key));
		assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
		this.itemsByKey.put(key, created.body().path("id").asString());
	}

	/**
	 * A person's login through the gateways, which send each step to either authorization
	 * server; begun again when a step fails.
	 */
	void logIn() {
		this.tokens.add(await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> {
				var gateway = this.gateways.next();
				return new LoginBrowser().logIn("coordinator", "coordinator-demo", gateway, gateway);
			}, (token) -> !token.isBlank()));
	}

	/**
	 * Every patient, practitioner and item a client was told of is stored once, each
	 * registration's event is on its topic (one event, perhaps sent twice by a relay
	 * killed after sending it), scheduling-service knows every patient (its consumers
	 * caught up), and every login's token works.
	 */
	void acknowledgedWritesAreStoredOnceWithTheirEvents(Function<String, Sql> databases) {
		try (Sql patient = databases.apply("patient");
				Sql partner = databases.apply("partner");
				Sql billing = databases.apply("billing");
				Sql scheduling = databases.apply("scheduling")) {
			assertThat(patient.strings("select id from patient where id = any(?::uuid[])", this.patients))
				.containsExactlyInAnyOrderElementsOf(this.patients);
			assertThat(partner.strings("select id from practitioner where id = any(?::uuid[])", this.practitioners))
				.containsExactlyInAnyOrderElementsOf(this.practitioners);
			// Each key one item, and no item without a key's answer.
			assertThat(billing.strings("select id from billable_item where code like ?", "STORM-" + this.run + "-%"))
				.containsExactlyInAnyOrderElementsOf(this.itemsByKey.values());
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> scheduling.count("select count(*) from known_patient where id = any(?::uuid[])",
						this.patients) == this.patients.size());
		}
		publishedOnce("parcours.patient.v1", "patient.patient.registered.v1", "patientId", this.patients);
		publishedOnce("parcours.partner.v1", "partner.practitioner.registered.v1", "practitionerId",
				this.practitioners);
		assertThat(this.tokens).isNotEmpty();
		for (String token : this.tokens) {
			assertThat(this.coordinator.at(this.gateways.url(1))
				.withToken(token)
				.get("/api/appointments/" + UUID.randomUUID())
				.status()).isEqualTo(404);
		}
	}

	private static void publishedOnce(String topic, String type, String field, List<String> ids) {
		List<JsonNode> events = TopicEvents.read(TestKafka.bootstrapServers(), topic, (read) -> ids.stream()
			.allMatch((id) -> read.stream().anyMatch((event) -> TopicEvents.is(event, type, field, id))));
		for (String id : ids) {
			// A relay killed after sending, before marking it sent, leaves the event to
			// be
			// sent again: the same one, its id and content; never a second event.
			assertThat(events.stream().filter((event) -> TopicEvents.is(event, type, field, id)).distinct())
				.as("%s of %s", type, id)
				.hasSize(1);
		}
	}

}
