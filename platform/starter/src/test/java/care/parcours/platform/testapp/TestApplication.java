package care.parcours.platform.testapp;

import care.parcours.platform.security.EndpointRules;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class TestApplication {

	/** Any authenticated caller may use the test endpoints. */
	@Bean
	EndpointRules thingEndpoints() {
		return (rules) -> rules.requestMatchers("/things", "/things/**").authenticated();
	}

}
