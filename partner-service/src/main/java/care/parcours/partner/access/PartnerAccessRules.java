package care.parcours.partner.access;

import care.parcours.platform.security.EndpointRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static care.parcours.platform.security.Access.anyOf;
import static care.parcours.platform.security.Access.partner;
import static care.parcours.platform.security.Access.roles;
import static care.parcours.platform.security.Roles.ADMIN;
import static care.parcours.platform.security.Roles.ASSISTANT;
import static care.parcours.platform.security.Roles.BILLING;
import static care.parcours.platform.security.Roles.COORDINATOR;
import static care.parcours.platform.security.Roles.OPS;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Every staff member reads the directory; coordinators and administrators keep it; only
 * administrators activate or suspend a partner. A partner system reads its own entry and
 * practitioners and resources and manages its own webhooks (paths naming another partner
 * answer 404); operations staff watch and replay deliveries.
 */
@Configuration(proxyBeanMethods = false)
class PartnerAccessRules {

	@Bean
	EndpointRules partnerEndpoints() {
		return (rules) -> rules
			.requestMatchers(GET, "/api/partners", "/api/partners/search", "/api/partners/specialties")
			.hasAnyRole(COORDINATOR, ASSISTANT, BILLING, ADMIN, OPS)
			.requestMatchers(GET, "/api/partners/*/webhooks", "/api/partners/*/webhooks/**")
			.access(anyOf(roles(ADMIN, OPS), partner()))
			.requestMatchers(POST, "/api/partners/*/webhooks/*/deliveries/*/replay",
					"/api/partners/*/webhooks/*/dead-letters/replay")
			.access(anyOf(roles(ADMIN, OPS), partner()))
			.requestMatchers(POST, "/api/partners/*/webhooks", "/api/partners/*/webhooks/*/secret")
			.access(anyOf(roles(ADMIN), partner()))
			.requestMatchers(PUT, "/api/partners/*/webhooks/*")
			.access(anyOf(roles(ADMIN), partner()))
			.requestMatchers(DELETE, "/api/partners/*/webhooks/*")
			.access(anyOf(roles(ADMIN), partner()))
			.requestMatchers(GET, "/api/partners/*", "/api/partners/*/practitioners", "/api/practitioners/*",
					"/api/partners/*/resources", "/api/resources/*")
			.access(anyOf(roles(COORDINATOR, ASSISTANT, BILLING, ADMIN, OPS), partner()))
			.requestMatchers(PUT, "/api/partners/*/status")
			.hasRole(ADMIN)
			.requestMatchers(POST, "/api/partners", "/api/partners/*/practitioners", "/api/partners/*/resources")
			.hasAnyRole(COORDINATOR, ADMIN)
			.requestMatchers(PUT, "/api/partners/*", "/api/practitioners/*", "/api/practitioners/*/partners/*",
					"/api/resources/*")
			.hasAnyRole(COORDINATOR, ADMIN)
			.requestMatchers(DELETE, "/api/practitioners/*/partners/*", "/api/resources/*")
			.hasAnyRole(COORDINATOR, ADMIN);
	}

}
