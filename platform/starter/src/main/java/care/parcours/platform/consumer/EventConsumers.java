package care.parcours.platform.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import care.parcours.events.DomainEvent;
import care.parcours.events.EventCatalog;
import care.parcours.events.EventCodec;
import care.parcours.events.EventEnvelope;
import care.parcours.platform.web.CorrelationIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscribes the service's consumer group to the topics its {@link EventHandler}s need
 * and hands each event to its handlers, once. Events of other types on those topics are
 * skipped. An event that cannot be read, or that its handler keeps refusing, goes to the
 * dead-letter topic {@code <topic>.<group>.dlt} so that the partition moves on and an
 * operator can replay it (the Kafka side is the {@link ConsumerContainer}'s).
 */
public class EventConsumers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

	private final Map<String, List<Registration<?>>> handlersByType = new HashMap<>();

	private final String group;

	private final EventCodec codec;

	private final HandledEvents handledEvents;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final @Nullable ConsumerContainer container;

	private final boolean awaitAssignment;

	public EventConsumers(List<EventHandler<?>> handlers, List<EventSubscriber> subscribers, String group,
			EventCodec codec, JdbcClient jdbc, TransactionTemplate transactions,
			ConsumerFactory<String, String> consumers, KafkaTemplate<String, String> deadLetters,
			ConsumerProperties properties, MeterRegistry meters, ObservationRegistry observations) {
		this.group = group;
		this.codec = codec;
		this.handledEvents = new HandledEvents(jdbc);
		this.transactions = transactions;
		this.meters = meters;
		handlers.forEach(this::register);
		subscribers.forEach(subscriber -> subscriber.subscribe(new EventSubscriber.Subscriptions() {
			private final Set<Class<?>> types = new HashSet<>();

			@Override
			public <T extends DomainEvent> EventSubscriber.Subscriptions on(Class<T> type, EventHandler<T> handler) {
				if (!types.add(type)) {
					throw new IllegalStateException(
							subscriber.getClass().getName() + " subscribes twice to " + EventCatalog.typeOf(type));
				}
				register(new Registration<>(type, handler));
				return this;
			}
		}));
		List<String> topics = handlersByType.values()
			.stream()
			.map(registrations -> EventCatalog.topicOf(registrations.getFirst().type()))
			.distinct()
			.toList();
		this.awaitAssignment = properties.startFromLatest();
		this.container = topics.isEmpty() ? null
				: new ConsumerContainer(group, topics, (MessageListener<String, String>) this::onRecord, consumers,
						deadLetters, properties, meters, observations);
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

	/**
	 * Several features of one service may keep their own read model from the same event
	 * (a pathway's timeline and the network's indicators): each is handled in the order
	 * registered, in the one transaction that records the event, so that all or none of
	 * them see it. One feature registering a type twice is a mistake.
	 */
	private void register(Registration<?> registration) {
		handlersByType.computeIfAbsent(EventCatalog.typeOf(registration.type()), type -> new ArrayList<>())
			.add(registration);
	}

	private void onRecord(ConsumerRecord<String, String> record) {
		EventEnvelope envelope = codec.read(record.value());
		List<Registration<?>> registrations = handlersByType.get(envelope.type());
		if (registrations == null) {
			count(envelope, "ignored");
			return;
		}
		try (CorrelationIds.Scope ignored = CorrelationIds.open(envelope.correlationId())) {
			Boolean handled = transactions.execute(status -> {
				if (!handledEvents.recordFirstDelivery(group, envelope)) {
					return false;
				}
				registrations.forEach(registration -> registration.handle(codec, envelope));
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
			container.start(awaitAssignment);
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
