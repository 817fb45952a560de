package care.parcours.bench.baregateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway with its defaults and one route to partner-service: no token
 * check, rate limit, breaker or filter of ours. The gateway-overhead benchmark runs it
 * beside our gateway, so that what our gateway costs is told apart from what any Spring
 * Cloud Gateway costs on the same machine.
 */
@SpringBootApplication
public class BareGateway {

	public static void main(String[] args) {
		SpringApplication.run(BareGateway.class, args);
	}

}
