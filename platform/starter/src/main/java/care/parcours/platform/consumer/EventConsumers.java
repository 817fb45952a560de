package care.parcours.platform.consumer;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventCatalog;
import care.parcours.events.EventCodec;
import care.parcours.events.EventEnvelope;
import care.parcours.platform.web.CorrelationIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Subscribes the service's consumer group to the topics its {@link EventHandler}s need
 * and hands each event to its handler, once. Events of other types on those topics are
 * skipped. An event that cannot be read, or that its handler keeps refusing, goes to the
 * dead-letter topic {@code <topic>.<group>.dlt} so that the partition moves on and an
 * operator can replay it.
 */
public class EventConsumers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

	private final Map<String, Registration<?>> handlersByType = new HashMap<>();

	private final String group;

	private final EventCodec codec;

	private final HandledEvents handledEvents;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final @Nullable ConcurrentMessageListenerContainer<String, String> container;

	private final List<String> topics;

	private final Set<String> assignedTopics = ConcurrentHashMap.newKeySet();

	private final CompletableFuture<@Nullable Void> allAssigned = new CompletableFuture<>();

	private final boolean awaitAssignment;

	public EventConsumers(List<EventHandler<?>> handlers, List<EventSubscriber> subscribers, String group,
			EventCodec codec, JdbcClient jdbc, TransactionTemplate transactions,
			ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> deadLetters,
			ConsumerProperties properties, MeterRegistry meters) {
		this.group = group;
		this.codec = codec;
		this.handledEvents = new HandledEvents(jdbc);
		this.transactions = transactions;
		this.meters = meters;
		handlers.forEach(this::register);
		subscribers.forEach(subscriber -> subscriber.subscribe(new EventSubscriber.Subscriptions() {
			@Override
			public <T extends DomainEvent> EventSubscriber.Subscriptions on(Class<T> type, EventHandler<T> handler) {
				register(new Registration<>(type, handler));
				return this;
			}
		}));
		List<String> topics = handlersByType.values()
			.stream()
			.map(registration -> EventCatalog.topicOf(registration.type()))
			.distinct()
			.toList();
		this.topics = topics;
		this.awaitAssignment = properties.startFromLatest();
		this.container = topics.isEmpty() ? null : container(topics, consumers, deadLetters, properties);
	}

	private ConcurrentMessageListenerContainer<String, String> container(List<String> topics,
			ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> deadLetters,
			ConsumerProperties properties) {
		ContainerProperties containerProperties = new ContainerProperties(topics.toArray(String[]::new));
		containerProperties.setGroupId(group);
		containerProperties.setObservationEnabled(true);
		containerProperties.setMessageListener((MessageListener<String, String>) this::onRecord);
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
		ConcurrentMessageListenerContainer<String, String> created = new ConcurrentMessageListenerContainer<>(consumers,
				containerProperties);
		created.setConcurrency(properties.concurrency());
		created.setBeanName("parcours-events-" + group);
		ExponentialBackOff backOff = new ExponentialBackOff(properties.initialRetryInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.maxRetryInterval().toMillis());
		backOff.setMaxAttempts(properties.maxAttempts());
		DeadLetterPublishingRecoverer deadLettering = new DeadLetterPublishingRecoverer(deadLetters,
				(record, ex) -> new TopicPartition(record.topic() + "." + group + ".dlt", -1));
		DefaultErrorHandler errors = new DefaultErrorHandler((record, ex) -> {
			log.error("Event at {}-{}@{} set aside on the dead-letter topic after {}", record.topic(),
					record.partition(), record.offset(), ex.getClass().getSimpleName());
			Counter.builder("parcours.events.dead_lettered")
				.description("Events set aside on a dead-letter topic: unreadable, or refused by their handler")
				.tag("topic", record.topic())
				.register(meters)
				.increment();
			deadLettering.accept(record, ex);
		}, backOff);
		errors.addNotRetryableExceptions(JacksonException.class);
		created.setCommonErrorHandler(errors);
		return created;
	}

	private void register(EventHandler<?> handler) {
		Class<?> type = ResolvableType.forClass(EventHandler.class, AopUtils.getTargetClass(handler))
			.getGeneric(0)
			.resolve();
		if (type == null || !DomainEvent.class.isAssignableFrom(type)) {
			throw new IllegalStateException("Cannot tell which event " + handler.getClass().getName() + " handles");
		}
		@SuppressWarnings({ "unchecked", "rawtypes" })
		Registration<?> registration = new Registration(type.asSubclass(DomainEvent.class), handler);
		register(registration);
	}

	private void register(Registration<?> registration) {
		Registration<?> previous = handlersByType.put(EventCatalog.typeOf(registration.type()), registration);
		if (previous != null) {
			throw new IllegalStateException("Two handlers for " + EventCatalog.typeOf(registration.type()));
		}
	}

	private void onRecord(ConsumerRecord<String, String> record) {
		EventEnvelope envelope = codec.read(record.value());
		Registration<?> registration = handlersByType.get(envelope.type());
		if (registration == null) {
			count(envelope, "ignored");
			return;
		}
		try (CorrelationIds.Scope ignored = CorrelationIds.open(envelope.correlationId())) {
			Boolean handled = transactions.execute(status -> {
				if (!handledEvents.recordFirstDelivery(group, envelope)) {
					return false;
				}
				registration.handle(codec, envelope);
				return true;
			});
			count(envelope, Boolean.TRUE.equals(handled) ? "handled" : "duplicate");
			if (!Boolean.TRUE.equals(handled)) {
				log.debug("Skipped event {} of type {}: already handled", envelope.id(), envelope.type());
			}
		}
	}

	private void count(EventEnvelope envelope, String outcome) {
		Counter.builder("parcours.events.consumed")
			.description("Events received, by type and outcome (handled, duplicate, ignored)")
			.tag("type", envelope.type())
			.tag("outcome", outcome)
			.register(meters)
			.increment();
	}

	@Override
	public void start() {
		if (container != null) {
			container.start();
			if (awaitAssignment) {
				awaitAssignment();
			}
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

	@Override
	public void stop() {
		if (container != null) {
			container.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return container != null && container.isRunning();
	}

	private record Registration<T extends DomainEvent>(Class<T> type, EventHandler<T> handler) {

		void handle(EventCodec codec, EventEnvelope envelope) {
			handler.handle(codec.payload(envelope, type), EventMetadata.of(envelope));
		}

	}

}
