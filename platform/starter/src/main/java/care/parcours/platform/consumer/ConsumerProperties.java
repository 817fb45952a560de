package care.parcours.platform.consumer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param concurrency consumer threads per service instance (at most one per partition)
 * @param maxAttempts deliveries of a failing event before it goes to the dead-letter
 * topic
 * @param initialRetryInterval wait before the first retry, doubled each time
 * @param maxRetryInterval longest wait between retries
 * @param startFromLatest whether a new consumer group starts at the end of its topics
 * rather than their beginning, and start-up waits until its partitions are assigned: what
 * a test wants, so that it sees the events it publishes and no others
 */
@ConfigurationProperties("parcours.events")
public record ConsumerProperties(@DefaultValue("1") int concurrency, @DefaultValue("6") int maxAttempts,
		@DefaultValue("500ms") Duration initialRetryInterval, @DefaultValue("10s") Duration maxRetryInterval,
		@DefaultValue("false") boolean startFromLatest) {

}
