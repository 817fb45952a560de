package care.parcours.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body accepted; larger ones get a 413
 */
@ConfigurationProperties("parcours.http")
public record HttpProperties(@DefaultValue("256KB") DataSize maxBodySize) {

}
