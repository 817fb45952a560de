package care.parcours.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.ThingEvent;
import care.parcours.platform.testapp.Things;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import care.parcours.test.PublishedEvents.Received;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@ParcoursTest(classes = TestApplication.class)
class OutboxIT {

	@Autowired
	Things things;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RestTestClient http;

	@Autowired
	Outbox outbox;

	@Test
	void aCommittedChangeIsPublishedWithItsEnvelopeKeyedByAggregate() {
		UUID id = UUID.randomUUID();
		try (PublishedEvents events = PublishedEvents.on(ThingEvent.TOPIC)) {
			things.create(id, "first", "SMALL");

			Received received = events.await(PublishedEvents.about(id.toString()));

			assertThat(received.key()).isEqualTo(id.toString());
			assertThat(received.type()).isEqualTo("platformtest.thing.changed.v1");
			assertThat(received.envelope().path("specversion").asString()).isEqualTo("1.0");
			assertThat(received.envelope().path("source").asString()).isEqualTo("/parcours/platform-test");
			assertThat(received.envelope().path("aggregateVersion").asLong()).isZero();
			assertThat(received.envelope().path("correlationId").asString()).isNotBlank();
			assertThat(received.data().path("thingId").asString()).isEqualTo(id.toString());
		}
		await().untilAsserted(() -> assertThat(pendingRows()).isZero());
	}

	@Test
	void aRolledBackChangePublishesNothing() {
		UUID id = UUID.randomUUID();
		things.create(id, "refused", "SMALL");

		http.post().uri("/things/{id}/refused-change", id).exchange().expectStatus().isEqualTo(409);
		things.change(id);

		try (PublishedEvents events = PublishedEvents.on(ThingEvent.TOPIC)) {
			events.await(r -> r.envelope().path("subject").asString().equals(id.toString())
					&& r.data().path("sequence").asLong() == 1);
			List<Long> versions = events.all(PublishedEvents.about(id.toString()))
				.stream()
				.map(r -> r.data().path("sequence").asLong())
				.toList();
			assertThat(versions).containsExactly(0L, 1L);
		}
		assertThat(things.get(id).version()).isEqualTo(1);
	}

	@Test
	void eachAggregatesEventsArriveInTheOrderOfItsChanges() throws Exception {
		List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		ids.forEach(id -> things.create(id, "ordered", "LARGE"));
		int changesPerThing = 25;
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<?>> work = new ArrayList<>();
			for (UUID id : ids) {
				Callable<Object> changes = () -> {
					for (int i = 0; i < changesPerThing; i++) {
						things.change(id);
					}
					return null;
				};
				work.add(pool.submit(changes));
			}
			for (Future<?> f : work) {
				f.get();
			}
		}

		try (PublishedEvents events = PublishedEvents.on(ThingEvent.TOPIC)) {
			await().untilAsserted(() -> assertThat(events.all(r -> ids.contains(UUID.fromString(r.key()))))
				.hasSizeGreaterThanOrEqualTo(ids.size() * (changesPerThing + 1)));
			Map<String, List<Long>> sequences = events.all(r -> ids.contains(UUID.fromString(r.key())))
				.stream()
				.collect(Collectors.groupingBy(Received::key,
						Collectors.mapping(r -> r.data().path("sequence").asLong(), Collectors.toList())));
			for (UUID id : ids) {
				assertThat(sequences.get(id.toString())).as("changes of %s in arrival order", id)
					.isSorted()
					.containsSequence(0L, 1L, 2L)
					.contains((long) changesPerThing);
			}
		}
	}

	@Test
	void publishingOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> outbox.publish(new ThingEvent.ThingChanged(UUID.randomUUID(), 0), "x", 0))
			.isInstanceOf(IllegalStateException.class);
	}

	private long pendingRows() {
		return jdbc.sql("select count(*) from parcours_platform.outbox_event").query(Long.class).single();
	}

}
