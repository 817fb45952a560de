package care.parcours.scheduling.access;

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
import static care.parcours.platform.security.Roles.SCOPE_APPOINTMENTS_READ;
import static care.parcours.platform.security.Roles.SCOPE_AVAILABILITY_WRITE;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Coordinators and medical assistants run the schedule; billing staff and operations read
 * it; a partner system pushes its own practitioners' availability and reads the
 * appointments at its organisation (the services check which ones).
 */
@Configuration(proxyBeanMethods = false)
class SchedulingAccessRules {

	@Bean
	EndpointRules schedulingEndpoints() {
		return (rules) -> rules
			// A teleconsultation's join link is a capability: 256 random bits the patient
			// holds.
			.requestMatchers(GET, "/api/appointments/join/*")
			.permitAll()
			.requestMatchers(GET, "/api/schedules/*", "/api/schedules/*/availability", "/api/schedules/resources/*",
					"/api/schedules/resources/*/availability")
			.access(anyOf(roles(COORDINATOR, ASSISTANT, ADMIN, OPS), partner(SCOPE_AVAILABILITY_WRITE)))
			// A resource's opening hours: whoever edits the owning partner's
			// practitioners'
			// availability (the services answer another partner's as not found).
			.requestMatchers(PUT, "/api/schedules/*/availability", "/api/schedules/resources/*/availability")
			.access(anyOf(roles(COORDINATOR, ASSISTANT, ADMIN), partner(SCOPE_AVAILABILITY_WRITE)))
			.requestMatchers(POST, "/api/schedules/*/exceptions", "/api/schedules/resources/*/exceptions")
			.access(anyOf(roles(COORDINATOR, ASSISTANT, ADMIN), partner(SCOPE_AVAILABILITY_WRITE)))
			.requestMatchers(DELETE, "/api/schedules/*/exceptions/*", "/api/schedules/resources/*/exceptions/*")
			.access(anyOf(roles(COORDINATOR, ASSISTANT, ADMIN), partner(SCOPE_AVAILABILITY_WRITE)))
			.requestMatchers(GET, "/api/appointments", "/api/appointments/*")
			.access(anyOf(roles(COORDINATOR, ASSISTANT, BILLING, OPS), partner(SCOPE_APPOINTMENTS_READ)))
			.requestMatchers(GET, "/api/slots", "/api/slots/holds/*", "/api/waitlist", "/api/waitlist/*",
					"/api/appointments/chains/*")
			.hasAnyRole(COORDINATOR, ASSISTANT)
			.requestMatchers(POST, "/api/slots/holds", "/api/slots/holds/*/confirm", "/api/slots/holds/*/release",
					"/api/appointments", "/api/appointments/*/cancel", "/api/appointments/*/reschedule",
					"/api/appointments/*/no-show", "/api/appointments/*/check-in", "/api/appointments/*/complete",
					"/api/appointments/*/cascade-reschedule", "/api/appointments/chains", "/api/waitlist")
			.hasAnyRole(COORDINATOR, ASSISTANT)
			.requestMatchers(DELETE, "/api/waitlist/*")
			.hasAnyRole(COORDINATOR, ASSISTANT);
	}

}
