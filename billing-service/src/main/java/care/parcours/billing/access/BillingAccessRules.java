package care.parcours.billing.access;

import care.parcours.platform.security.EndpointRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static care.parcours.platform.security.Access.anyOf;
import static care.parcours.platform.security.Access.partner;
import static care.parcours.platform.security.Access.roles;
import static care.parcours.platform.security.Roles.ADMIN;
import static care.parcours.platform.security.Roles.BILLING;
import static care.parcours.platform.security.Roles.COORDINATOR;
import static care.parcours.platform.security.Roles.SCOPE_QUOTES_READ;
import static org.springframework.http.HttpMethod.GET;

/**
 * Quotes are billing staff's work, read by coordinators and by the partner they concern.
 */
@Configuration(proxyBeanMethods = false)
class BillingAccessRules {

	@Bean
	EndpointRules billingEndpoints() {
		return (rules) -> rules.requestMatchers(GET, "/api/quotes")
			.access(anyOf(roles(BILLING, COORDINATOR, ADMIN), partner(SCOPE_QUOTES_READ)));
	}

}
