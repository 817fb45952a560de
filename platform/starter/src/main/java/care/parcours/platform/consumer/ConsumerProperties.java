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
 */
@ConfigurationProperties("parcours.events")
public record ConsumerProperties(@DefaultValue("1") int concurrency, @DefaultValue("6") int maxAttempts,
		@DefaultValue("500ms") Duration initialRetryInterval, @DefaultValue("10s") Duration maxRetryInterval) {

}
