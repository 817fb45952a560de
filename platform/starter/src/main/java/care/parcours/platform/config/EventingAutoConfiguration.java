package care.parcours.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import care.parcours.events.EventCatalog;
import care.parcours.events.EventCodec;
import care.parcours.platform.consumer.ConsumerProperties;
import care.parcours.platform.consumer.EventConsumers;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventSubscriber;
import care.parcours.platform.idempotency.IdempotentRequests;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.outbox.OutboxProperties;
import care.parcours.platform.outbox.OutboxRelay;
import care.parcours.platform.retry.ContentionRetryProperties;
import care.parcours.platform.schema.PlatformSchema;
import care.parcours.platform.tracing.DeferredTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox, its relay and the idempotent consumers of a service with a database.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties({ OutboxProperties.class, ConsumerProperties.class, KafkaProperties.class,
		ContentionRetryProperties.class })
public class EventingAutoConfiguration {

	private static final Duration DEAD_LETTER_DELIVERY_TIMEOUT = Duration.ofSeconds(15);

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	PlatformSchema platformSchema(DataSource dataSource) {
		return new PlatformSchema(dataSource);
	}

	@Bean
	EventCodec eventCodec(@Value("${spring.application.name}") String application) {
		return new EventCodec("/parcours/" + application);
	}

	@Bean
	DeferredTracing deferredTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		Tracer currentTracer = tracer.getIfUnique();
		Propagator currentPropagator = propagator.getIfUnique();
		return currentTracer == null || currentPropagator == null ? DeferredTracing.NONE
				: new DeferredTracing(currentTracer, currentPropagator);
	}

	@Bean
	OutboxRelay outboxRelay(PlatformSchema schema, DataSource dataSource, PlatformTransactionManager transactions,
			KafkaProperties kafka, OutboxProperties properties, ObjectProvider<MeterRegistry> meters,
			DeferredTracing tracing) {
		// The relay makes its own producer spans, from the context stored with each row:
		// the template's observation would start them from the relay's thread instead.
		KafkaTemplate<String, String> template = producer(kafka, properties.sendTimeout());
		template.setObservationEnabled(false);
		// The relay says itself, once per outage, what the broker did not take: the
		// template would log every record of every failed batch.
		template.setProducerListener(null);
		return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(transactions), template,
				properties, meterRegistry(meters), tracing);
	}

	@Bean
	Outbox outbox(OutboxRelay relay, DataSource dataSource, EventCodec codec, Clock clock, DeferredTracing tracing) {
		return new Outbox(JdbcClient.create(dataSource), codec, clock, relay, tracing);
	}

	@Bean
	EventConsumers eventConsumers(PlatformSchema schema, List<EventHandler<?>> handlers,
			ObjectProvider<EventSubscriber> subscribers,
			@Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String group, EventCodec codec,
			DataSource dataSource, PlatformTransactionManager transactions, KafkaProperties kafka,
			ConsumerProperties properties, ObjectProvider<MeterRegistry> meters,
			ObjectProvider<ObservationRegistry> observations) {
		Map<String, Object> consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
		if (properties.startFromLatest()) {
			consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		}
		DefaultKafkaConsumerFactory<String, String> consumers = new DefaultKafkaConsumerFactory<>(consumerConfig,
				new StringDeserializer(), new StringDeserializer());
		// The Kafka client's own metrics (kafka_consumer_*), among them how far each
		// consumer lags behind its partitions: Spring Boot binds them only to the
		// consumer
		// factory it builds, not to this one.
		meters.ifAvailable(registry -> consumers.addListener(new MicrometerConsumerListener<>(registry)));
		return new EventConsumers(handlers, subscribers.orderedStream().toList(), group, codec,
				JdbcClient.create(dataSource), new TransactionTemplate(transactions), consumers,
				producer(kafka, DEAD_LETTER_DELIVERY_TIMEOUT), properties, meterRegistry(meters),
				observations.getIfUnique(() -> ObservationRegistry.NOOP));
	}

	@Bean
	IdempotentRequests idempotentRequests(PlatformSchema schema, DataSource dataSource,
			PlatformTransactionManager transactions, ObjectProvider<JsonMapper> json,
			ContentionRetryProperties contention) {
		return new IdempotentRequests(JdbcClient.create(dataSource), new TransactionTemplate(transactions),
				json.getIfAvailable(() -> JsonMapper.builder().build()), new RetryTemplate(contention.policy()));
	}

	/**
	 * Every topic of the event contracts, created at start-up (by Spring Boot's
	 * {@code KafkaAdmin}) when missing, with the broker's default partitions and
	 * replication, so that the first events are not held up while the broker creates a
	 * topic on demand and elects its partitions' leaders. Existing topics are left as
	 * they are.
	 */
	@Bean
	KafkaAdmin.NewTopics parcoursTopics() {
		return new KafkaAdmin.NewTopics(EventCatalog.all()
			.topics()
			.stream()
			.map((topic) -> TopicBuilder.name(topic).build())
			.toArray(NewTopic[]::new));
	}

	/**
	 * An idempotent producer that waits for all in-sync replicas: nothing acknowledged is
	 * lost. One request in flight per broker: a batch the broker refuses (a partition
	 * whose leader is being elected) is retried before anything behind it is sent, so it
	 * cannot be overtaken and then refused for good as out of sequence. The relay and the
	 * dead-letter publisher send records in batches, so that one request carries many.
	 * The producer gives up on a record after {@code deliveryTimeout}: the relay waits
	 * that long for each record it hands over, so that none it gave up on is still in the
	 * producer's buffer when it sends the row again.
	 */
	private static KafkaTemplate<String, String> producer(KafkaProperties kafka, Duration deliveryTimeout) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		int delivery = (int) deliveryTimeout.toMillis();
		config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, delivery);
		// Kafka wants the delivery timeout to cover a request's and the linger.
		config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(10_000, delivery - 1_000));
		KafkaTemplate<String, String> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer()));
		template.setObservationEnabled(true);
		return template;
	}

	private static MeterRegistry meterRegistry(ObjectProvider<MeterRegistry> meters) {
		return meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
	}

}
