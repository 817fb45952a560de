package care.parcours.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this process relays the outbox to Kafka
 * @param pollInterval how often the relay looks for events nobody woke it for (after a
 * restart, or written by another instance)
 * @param batchSize how many events one relay transaction sends at most
 * @param sendTimeout how long the relay waits for the broker to acknowledge a batch
 */
@ConfigurationProperties("parcours.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500ms") Duration pollInterval,
		@DefaultValue("200") int batchSize, @DefaultValue("15s") Duration sendTimeout) {

}
