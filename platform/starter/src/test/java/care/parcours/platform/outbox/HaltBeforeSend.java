package care.parcours.platform.outbox;

import java.util.Map;

import care.parcours.platform.testapp.ThingEvent;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Kills the JVM the moment the relay hands an event to the Kafka producer: the process
 * dies after the change committed and before anything reached the broker.
 */
public class HaltBeforeSend implements ProducerInterceptor<String, String> {

	static final int EXIT_CODE = 137;

	@Override
	public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
		if (record.topic().equals(ThingEvent.TOPIC)) {
			Runtime.getRuntime().halt(EXIT_CODE);
		}
		return record;
	}

	@Override
	public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
	}

	@Override
	public void close() {
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

}
