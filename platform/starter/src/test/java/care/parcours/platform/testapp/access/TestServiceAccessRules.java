package care.parcours.platform.testapp.access;

import care.parcours.platform.security.EndpointRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static care.parcours.platform.security.Roles.ADMIN;
import static care.parcours.platform.security.Roles.ASSISTANT;
import static care.parcours.platform.security.Roles.COORDINATOR;
import static care.parcours.platform.security.Roles.OPS;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may call which endpoint of the test service, in one place as each service keeps its
 * role matrix: coordinators and assistants reserve and cancel, operations and admins only
 * read. The starter's own test endpoints ({@code /things}) are open to any caller with a
 * valid token. A path no rule names is refused.
 */
@Configuration(proxyBeanMethods = false)
class TestServiceAccessRules {

	@Bean
	EndpointRules testServiceEndpoints() {
		return (rules) -> rules.requestMatchers("/things", "/things/**")
			.authenticated()
			.requestMatchers(GET, "/reservations/*")
			.hasAnyRole(COORDINATOR, ASSISTANT, OPS, ADMIN)
			.requestMatchers(POST, "/reservations", "/reservations/*/cancel")
			.hasAnyRole(COORDINATOR, ASSISTANT);
	}

}
