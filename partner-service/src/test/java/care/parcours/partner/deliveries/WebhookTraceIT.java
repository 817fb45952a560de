package care.parcours.partner.deliveries;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import care.parcours.events.EventCatalog;
import care.parcours.events.EventCodec;
import care.parcours.events.EventEnvelope;
import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.partner.PartnerFixtures;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook attempt is a span of the trace of the event that caused it, however late it
 * runs: the delivery keeps the trace context of the consumer span that created it, and
 * the partner receives a {@code traceparent} of that trace. (Services' tests trace as the
 * services do, exporting nothing: Boot's test switch that turns propagation off comes
 * with its tracing test module, which they do not use.)
 */
@ParcoursTest(properties = { "parcours.webhooks.allow-loopback=true", "parcours.webhooks.delivery.poll-interval=50ms" })
class WebhookTraceIT {

	private static final String BOOKED = "scheduling.appointment.booked.v1";

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePartnerReceivesTheTraceOfTheBookingItHearsOf() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			UUID partner = PartnerFixtures.clinic(http);
			String secret = http.post()
				.uri("/api/partners/{id}/webhooks", partner)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("url", receiver.url(), "eventTypes", List.of(BOOKED)))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody()
				.get("secret")
				.toString();
			receiver.verifyWith(secret);
			String traceId = randomHex(16);
			String producerSpan = randomHex(8);
			UUID appointment = UUID.randomUUID();
			Instant start = Instant.parse("2026-12-01T08:00:00Z");

			publish(new AppointmentBooked(appointment, UUID.randomUUID(), partner, UUID.randomUUID(), start,
					start.plusSeconds(1800), "IN_PERSON", "consultation", null, null), appointment,
					"00-" + traceId + "-" + producerSpan + "-01");

			await().until(() -> !receiver.handled().isEmpty());
			assertThat(receiver.traceparents()).first()
				.asString()
				.as("a span of the booking's trace, the attempt's own")
				.matches("00-" + traceId + "-[0-9a-f]{16}-01")
				.doesNotContain(producerSpan);
			assertThat(jdbc.sql("select traceparent from webhook_delivery where aggregate_id = ?")
				.param(appointment.toString())
				.query(String.class)
				.single()).as("the consumer span's context, stored with the delivery")
				.startsWith("00-" + traceId + "-");
		}
	}

	/**
	 * As scheduling-service's relay sends it: the envelope, and its span's traceparent.
	 */
	private static void publish(AppointmentBooked event, UUID subject, String traceparent) throws Exception {
		EventCodec codec = new EventCodec("/parcours/scheduling-service");
		EventEnvelope envelope = codec.envelope(event, subject.toString(), 0, Instant.now(), "corr-" + subject, null);
		ProducerRecord<String, String> record = new ProducerRecord<>(EventCatalog.topicOf(event.getClass()),
				subject.toString(), codec.write(envelope));
		record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", TestKafka.bootstrapServers()), new StringSerializer(),
				new StringSerializer())) {
			producer.send(record).get();
		}
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
