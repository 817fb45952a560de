package care.parcours.gateway.problem;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retryAfter what a 503 tells the client to wait before trying again; about the
 * time a breaker stays open, so that the retry does not just meet the open breaker
 */
@ConfigurationProperties("parcours.gateway.problems")
record ProblemProperties(@DefaultValue("10s") Duration retryAfter) {

}
