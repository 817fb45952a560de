package care.parcours.system.scenarios;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import care.parcours.test.TestKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A clinic's webhook endpoint for its practitioners' bookings and cancellations, and the
 * checks of what partner-service's instances made of those events: the deliveries stored
 * (by SQL) and the messages the clinic received.
 */
final class ClinicWebhooks {

	private final Supplier<Sql> partnerDatabase;

	private final String endpointId;

	private final WebhookReceiver clinic;

	private ClinicWebhooks(Supplier<Sql> partnerDatabase, String endpointId, WebhookReceiver clinic) {
		this.partnerDatabase = partnerDatabase;
		this.endpointId = endpointId;
		this.clinic = clinic;
	}

	/** Registers the receiver as the partner's endpoint, as its administrator would. */
	static ClinicWebhooks register(Gateway admin, String partnerId, WebhookReceiver clinic,
			Supplier<Sql> partnerDatabase) {
		Gateway.Answer endpoint = admin.post("/api/partners/" + partnerId + "/webhooks", """
				{"url": "%s", "description": "front desk", "eventTypes": ["%s", "%s"]}
				""".formatted(clinic.url(), ConcurrentBookings.BOOKED, ConcurrentBookings.CANCELLED));
		assertThat(endpoint.status()).as("%s", endpoint.body()).isEqualTo(201);
		return new ClinicWebhooks(partnerDatabase, endpoint.body().path("id").asString(), clinic);
	}

	/**
	 * Both instances of partner-service in their consumer group, each with partitions of
	 * the scheduling topic, none with the same.
	 */
	static void partnerServiceInstancesSplitTheSchedulingTopic() {
		try (Admin kafka = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			List<Set<TopicPartition>> assignments = await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> kafka.describeConsumerGroups(List.of("partner-service"))
					.all()
					.get()
					.get("partner-service")
					.members()
					.stream()
					.map(MemberDescription::assignment)
					.map((assignment) -> assignment.topicPartitions()
						.stream()
						.filter((partition) -> partition.topic().equals(ConcurrentBookings.SCHEDULING_TOPIC))
						.collect(Collectors.toSet()))
					.toList(), (members) -> members.size() == 2 && members.stream().noneMatch(Set::isEmpty));
			assertThat(Collections.disjoint(assignments.get(0), assignments.get(1))).isTrue();
		}
	}

	/**
	 * Waits until each of the given number of events was delivered, and returns the
	 * deliveries' ids, each received once.
	 */
	List<String> deliveredOnceEach(long events) {
		try (Sql partner = this.partnerDatabase.get()) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> partner.count(
						"select count(*) from webhook_delivery where endpoint_id = ?::uuid and status = 'DELIVERED'",
						this.endpointId) == events);
			List<String> delivered = partner.strings("select id from webhook_delivery where endpoint_id = ?::uuid",
					this.endpointId);
			assertThat(delivered).as("deliveries so far").isNotEmpty();
			assertThat(received()).as("webhooks received once each").containsExactlyInAnyOrderElementsOf(delivered);
			return delivered;
		}
	}

	/**
	 * Every booked or cancelled event among these became one delivery, delivered; the
	 * kills may have had one sent twice (a partner-service instance dying between sending
	 * it and recording so), never none. Returns the deliveries' ids.
	 */
	List<String> everyEventDeliveredFromOneDelivery(List<JsonNode> events) {
		List<String> eventIds = events.stream()
			.filter((event) -> List.of(ConcurrentBookings.BOOKED, ConcurrentBookings.CANCELLED)
				.contains(event.path("type").asString()))
			.map((event) -> event.path("id").asString())
			.toList();
		try (Sql partner = this.partnerDatabase.get()) {
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> partner.count("""
					select count(*) from webhook_delivery
					where endpoint_id = ?::uuid and event_id = any(?) and status = 'DELIVERED'
					""", this.endpointId, eventIds) == eventIds.size());
			assertThat(partner.strings("select event_id from webhook_delivery where endpoint_id = ?::uuid",
					this.endpointId))
				.as("one delivery per event")
				.containsExactlyInAnyOrderElementsOf(eventIds);
			List<String> deliveries = partner.strings("select id from webhook_delivery where endpoint_id = ?::uuid",
					this.endpointId);
			assertThat(Set.copyOf(received())).as("deliveries received")
				.containsExactlyInAnyOrderElementsOf(deliveries);
			return deliveries;
		}
	}

	/** How many deliveries the clinic received more than once. */
	long receivedMoreThanOnce() {
		return received().stream()
			.collect(Collectors.groupingBy((id) -> id, Collectors.counting()))
			.values()
			.stream()
			.filter((count) -> count > 1)
			.count();
	}

	/** The {@code webhook-id} of every message received, in order. */
	private List<String> received() {
		return this.clinic.received().stream().map(WebhookReceiver.Message::id).toList();
	}

}
