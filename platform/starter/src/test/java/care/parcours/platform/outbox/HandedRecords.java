package care.parcours.platform.outbox;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Counts the records handed to the Kafka producers of the process, acknowledged or not: a
 * relay that hands the same rows again and again while the broker is away fills the
 * producer's buffer with copies. Installed through
 * {@code spring.kafka.producer.properties.interceptor.classes}.
 */
public class HandedRecords implements ProducerInterceptor<String, String> {

	private static final AtomicLong handed = new AtomicLong();

	public static long count() {
		return handed.get();
	}

	@Override
	public ProducerRecord<String, String> onSend(ProducerRecord<String, String> record) {
		handed.incrementAndGet();
		return record;
	}

	@Override
	public void onAcknowledgement(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
	}

	@Override
	public void close() {
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

}
