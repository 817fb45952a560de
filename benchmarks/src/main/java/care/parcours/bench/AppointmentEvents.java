package care.parcours.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appointment bookings put on {@code parcours.scheduling.v1} as scheduling-service puts
 * them: CloudEvents envelopes keyed by appointment, each concerning one partner.
 */
final class AppointmentEvents {

	static final String BOOKED = "scheduling.appointment.booked.v1";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AppointmentEvents() {
	}

	/**
	 * Publishes at {@code rate} events per second to the healthy partners (and as many
	 * per partner to the broken ones), or at once when the rate is 0.
	 */
	static void publish(KafkaProducer<String, String> kafka, List<UUID> healthy, List<UUID> broken, int perEndpoint,
			int rate) throws InterruptedException {
		long started = System.nanoTime();
		long sent = 0;
		for (int n = 0; n < perEndpoint; n++) {
			for (UUID partner : healthy) {
				publish(kafka, partner);
				sent++;
				long wait = started + sent * 1_000_000_000L / Math.max(1, rate) - System.nanoTime();
				if (rate > 0 && wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
			}
			broken.forEach(partner -> publish(kafka, partner));
		}
		kafka.flush();
	}

	private static void publish(KafkaProducer<String, String> kafka, UUID partner) {
		UUID appointment = UUID.randomUUID();
		Instant start = Instant.now().plus(Duration.ofDays(7));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("appointmentId", appointment.toString());
		data.put("practitionerId", UUID.randomUUID().toString());
		data.put("partnerId", partner.toString());
		data.put("patientId", UUID.randomUUID().toString());
		data.put("start", start.toString());
		data.put("end", start.plus(Duration.ofMinutes(30)).toString());
		data.put("mode", "IN_PERSON");
		data.put("appointmentType", "consultation");
		data.put("holdId", null);
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("specversion", "1.0");
		envelope.put("id", UUID.randomUUID().toString());
		envelope.put("source", "/parcours/scheduling-service");
		envelope.put("type", BOOKED);
		envelope.put("subject", appointment.toString());
		envelope.put("time", Instant.now().toString());
		envelope.put("datacontenttype", "application/json");
		envelope.put("correlationId", "bench-" + appointment);
		envelope.put("aggregateVersion", 0);
		envelope.put("pathwayId", null);
		envelope.put("data", data);
		kafka.send(new ProducerRecord<>("parcours.scheduling.v1", appointment.toString(),
				JSON.writeValueAsString(envelope)));
	}

}
