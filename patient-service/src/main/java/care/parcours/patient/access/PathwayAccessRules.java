package care.parcours.patient.access;

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
import static care.parcours.platform.security.Roles.SCOPE_APPOINTMENTS_READ;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Care pathways are worked by coordinators and assistants; billing staff and admins read
 * them. A partner system reads the pathways at its organisation only, their steps and
 * never the patient's identity without consent: the service checks which (PathwayService,
 * the work list). Templates are written by coordinators (who run the protocols) and
 * admins, and read by all staff. The rules cover every path under a pathway, so that a
 * feature added there (the timeline) is closed to anyone else from the start.
 */
@Configuration(proxyBeanMethods = false)
class PathwayAccessRules {

	@Bean
	EndpointRules pathwayEndpoints() {
		return (rules) -> rules.requestMatchers(POST, "/api/pathway-templates", "/api/pathway-templates/*/versions")
			.hasAnyRole(COORDINATOR, ADMIN)
			.requestMatchers(GET, "/api/pathway-templates", "/api/pathway-templates/**")
			.hasAnyRole(COORDINATOR, ASSISTANT, BILLING, ADMIN)
			.requestMatchers(GET, "/api/pathways", "/api/pathways/*", "/api/pathways/*/**")
			.access(anyOf(roles(COORDINATOR, ASSISTANT, BILLING, ADMIN), partner(SCOPE_APPOINTMENTS_READ)))
			.requestMatchers(POST, "/api/pathways", "/api/pathways/*/**")
			.hasAnyRole(COORDINATOR, ASSISTANT)
			.requestMatchers(PUT, "/api/pathways/*/**")
			.hasAnyRole(COORDINATOR, ASSISTANT)
			.requestMatchers(DELETE, "/api/pathways/*/**")
			.hasAnyRole(COORDINATOR, ASSISTANT);
	}

}
