package care.parcours.scheduling.booking;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param holdDuration how long a hold lasts unless the request asks otherwise
 * @param holdExpiryInterval how often lapsed holds are looked for
 * @param teleconsultationBaseUrl where join links point; the token is appended
 * @param joinLinkGrace how long after an appointment's end its join link still works
 */
@ConfigurationProperties("parcours.scheduling")
public record SchedulingProperties(@DefaultValue("15m") Duration holdDuration,
		@DefaultValue("5s") Duration holdExpiryInterval,
		@DefaultValue("https://visio.parcours.care/join/") URI teleconsultationBaseUrl,
		@DefaultValue("30m") Duration joinLinkGrace) {

}
