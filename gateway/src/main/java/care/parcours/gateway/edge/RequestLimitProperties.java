package care.parcours.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxHeaderSize the request line's headers, names and values together; a larger
 * request gets a 431 problem. Keep it below {@code server.max-http-request-header-size},
 * past which the server itself refuses the request with a bare 431 before the gateway
 * sees it.
 * @param maxBodySize a larger request body gets a 413 problem, whether announced by
 * {@code Content-Length} or found while streaming it on
 * @param maxUploadSize the same for {@code multipart/*} bodies (document uploads): above
 * the largest document a service accepts, with room for the multipart framing
 */
@ConfigurationProperties("parcours.gateway.limits")
record RequestLimitProperties(@DefaultValue("8KB") DataSize maxHeaderSize, @DefaultValue("1MB") DataSize maxBodySize,
		@DefaultValue("11MB") DataSize maxUploadSize) {

}
