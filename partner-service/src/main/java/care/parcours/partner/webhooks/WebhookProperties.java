package care.parcours.partner.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowLoopback accept plain http endpoints on loopback addresses, as the local
 * platform does for its demo receivers; never in production
 * @param secretOverlap how long the previous secret keeps signing after a rotation
 * @param maxEndpointsPerPartner how many endpoints one partner may register
 */
@ConfigurationProperties("parcours.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowLoopback, @DefaultValue("24h") Duration secretOverlap,
		@DefaultValue("10") int maxEndpointsPerPartner) {

}
