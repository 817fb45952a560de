package care.parcours.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedOrigins the front ends allowed to call from a browser, exactly as the
 * browser sends them ({@code https://app.parcours.care}); no wildcards
 * @param maxAge how long a browser may keep a preflight's answer
 */
@ConfigurationProperties("parcours.gateway.cors")
record CorsProperties(@DefaultValue("http://localhost:5173") List<String> allowedOrigins,
		@DefaultValue("1h") Duration maxAge) {

}
