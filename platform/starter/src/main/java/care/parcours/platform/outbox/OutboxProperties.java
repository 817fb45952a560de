package care.parcours.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this process relays the outbox to Kafka
 * @param pollInterval how often the relay looks for events nobody woke it for (after a
 * restart, or written by another instance)
 * @param batchSize how many events one relay transaction sends at most
 * @param sendTimeout how long the broker has to acknowledge an event: the producer gives
 * up on it then (its delivery timeout), and the relay sends it again later
 * @param retryBackoff the pause after a round the broker did not acknowledge, doubled
 * after each further one; wake-ups do not shorten it
 * @param maxRetryBackoff the longest such pause
 */
@ConfigurationProperties("parcours.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("200") int batchSize, @DefaultValue("15s") Duration sendTimeout,
		@DefaultValue("1s") Duration retryBackoff, @DefaultValue("30s") Duration maxRetryBackoff) {

}
