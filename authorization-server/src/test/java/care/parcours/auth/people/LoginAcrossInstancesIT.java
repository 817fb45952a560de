package care.parcours.auth.people;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import care.parcours.auth.AuthServer;
import care.parcours.auth.AuthorizationServerApplication;
import care.parcours.auth.Browser;
import care.parcours.test.ParcoursTest;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the server behind a load balancer that does not keep a browser on one
 * of them: the login sessions are in the database they share.
 */
@ParcoursTest(properties = "parcours.auth.demo-users=true")
class LoginAcrossInstancesIT {

	/** What the second instance takes from the first: the same database and broker. */
	private static final List<String> SHARED = List.of("spring.datasource.url", "spring.datasource.username",
			"spring.datasource.password", "spring.kafka.bootstrap-servers", "parcours.security.issuer",
			"parcours.security.public-key", "parcours.events.start-from-latest");

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Test
	void aLoginBegunOnOneInstanceFinishesOnAnother() throws Exception {
		try (ConfigurableApplicationContext other = secondInstance()) {
			AuthServer first = new AuthServer(port);
			AuthServer second = new AuthServer(((WebServerApplicationContext) other).getWebServer().getPort());
			Browser browser = first.browser();

			// The form comes from the first instance, the credentials go to the second,
			// and
			// the code comes from the first again.
			HttpResponse<String> redirect = browser.logIn("coordinator", "coordinator-demo", second);

			String code = Browser.codeOf(redirect);
			HttpResponse<String> tokens = browser.exchange(code, browser.verifier());
			assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
			JWTClaimsSet claims = first.verify(AuthServer.json(tokens).path("access_token").asString());
			assertThat(claims.getSubject()).isEqualTo("coordinator");
		}
	}

	/** Started with arguments, which override the server's own configuration. */
	private ConfigurableApplicationContext secondInstance() {
		List<String> arguments = new ArrayList<>();
		SHARED.forEach(key -> arguments.add("--" + key + "=" + environment.getRequiredProperty(key)));
		arguments.add("--server.port=0");
		arguments.add("--management.server.port=0");
		arguments.add("--parcours.auth.demo-users=true");
		arguments.add("--spring.kafka.consumer.group-id="
				+ environment.getRequiredProperty("spring.kafka.consumer.group-id") + "-second");
		return new SpringApplicationBuilder(AuthorizationServerApplication.class).run(arguments.toArray(String[]::new));
	}

}
