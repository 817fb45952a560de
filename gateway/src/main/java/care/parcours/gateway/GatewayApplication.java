package care.parcours.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// Routes, timeouts and breakers live in application.yml; the code here only adds what
// configuration cannot express: correlation ids, problem details, a narrow retry, token
// checks, rate limits and the edge checks (CORS, sizes).
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

}
