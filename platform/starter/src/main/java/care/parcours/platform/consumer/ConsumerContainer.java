package care.parcours.platform.consumer;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import care.parcours.platform.database.DatabaseUnavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka side of {@link EventConsumers}: one listener container for the service's
 * consumer group over the topics its handlers need. A record the listener refuses is
 * retried with an exponential backoff and then set aside on {@code <topic>.<group>.dlt};
 * one that cannot be read is set aside at once, since reading it again will not help; one
 * that failed because the database is away is retried until it answers. The container
 * also tells when every topic has partitions assigned, for a group that starts from the
 * end and must not miss what is published just after it starts. Each record is handled in
 * a consumer span that continues the trace named by its {@code traceparent} header.
 */
final class ConsumerContainer {

	private static final Logger log = LoggerFactory.getLogger(ConsumerContainer.class);

	private final String group;

	private final List<String> topics;

	private final ConcurrentMessageListenerContainer<String, String> container;

	private final Set<String> assignedTopics = ConcurrentHashMap.newKeySet();

	private final CompletableFuture<@Nullable Void> allAssigned = new CompletableFuture<>();

	ConsumerContainer(String group, List<String> topics, MessageListener<String, String> listener,
			ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> deadLetters,
			ConsumerProperties properties, MeterRegistry meters, ObservationRegistry observations) {
		this.group = group;
		this.topics = topics;
		ContainerProperties containerProperties = new ContainerProperties(topics.toArray(String[]::new));
		containerProperties.setGroupId(group);
		// The container is no bean, so it is handed the registry: each record is then
		// handled in a consumer span continuing the trace of its traceparent header.
		containerProperties.setObservationEnabled(true);
		containerProperties.setObservationRegistry(observations);
		containerProperties.setMessageListener(listener);
		containerProperties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
			@Override
			public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				// Resolve each starting position now, so that whatever is published after
				// assignment is seen even when a new group starts from the end.
				partitions.forEach(consumer::position);
				partitions.forEach(partition -> assignedTopics.add(partition.topic()));
				if (assignedTopics.containsAll(topics)) {
					allAssigned.complete(null);
				}
			}
		});
		this.container = new ConcurrentMessageListenerContainer<>(consumers, containerProperties);
		this.container.setConcurrency(properties.concurrency());
		this.container.setBeanName("parcours-events-" + group);
		this.container.setCommonErrorHandler(errorHandler(deadLetters, properties, meters));
	}

	private DefaultErrorHandler errorHandler(KafkaTemplate<String, String> deadLetters, ConsumerProperties properties,
			MeterRegistry meters) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.initialRetryInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.maxRetryInterval().toMillis());
		backOff.setMaxAttempts(properties.maxAttempts());
		DeadLetterPublishingRecoverer deadLettering = new DeadLetterPublishingRecoverer(deadLetters,
				(record, ex) -> new TopicPartition(record.topic() + "." + group + ".dlt", -1));
		// Registered at zero for every topic: an alert on increase() misses the first
		// dead
		// letter of a series that appears with it, and a dashboard shows nothing rather
		// than none.
		topics.forEach(topic -> deadLettered(meters, topic));
		DefaultErrorHandler errors = new DefaultErrorHandler((record, ex) -> {
			log.error("Event at {}-{}@{} set aside on the dead-letter topic after {}", record.topic(),
					record.partition(), record.offset(), ex.getClass().getSimpleName());
			deadLettered(meters, record.topic()).increment();
			deadLettering.accept(record, ex);
		}, backOff);
		errors.addNotRetryableExceptions(JacksonException.class);
		// While the database is away no event can be handled, and none is to blame: the
		// partition waits, retrying without end, instead of setting its events aside
		// (and committing their offsets) unapplied.
		ExponentialBackOff untilTheDatabaseAnswers = new ExponentialBackOff(
				properties.initialRetryInterval().toMillis(), 2.0);
		untilTheDatabaseAnswers.setMaxInterval(properties.maxRetryInterval().toMillis());
		errors.setBackOffFunction((record, ex) -> DatabaseUnavailable.causes(ex) ? untilTheDatabaseAnswers : null);
		return errors;
	}

	private static Counter deadLettered(MeterRegistry meters, String topic) {
		return Counter.builder("parcours.events.dead_lettered")
			.description("Events set aside on a dead-letter topic: unreadable, or refused by their handler")
			.tag("topic", topic)
			.register(meters);
	}

	/**
	 * Starts consuming.
	 * @param awaitAssignment whether to wait (a minute at most) until every topic has
	 * partitions assigned
	 */
	void start(boolean awaitAssignment) {
		container.start();
		if (awaitAssignment) {
			awaitAssignment();
		}
	}

	private void awaitAssignment() {
		try {
			allAssigned.get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException ex) {
			log.warn("Consumer group {} still has no partitions of {} after 60 s", group, topics);
		}
	}

	void stop() {
		container.stop();
	}

	boolean isRunning() {
		return container.isRunning();
	}

}
