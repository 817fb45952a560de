package care.parcours.patient.access;

import care.parcours.platform.security.EndpointRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static care.parcours.platform.security.Roles.ADMIN;
import static care.parcours.platform.security.Roles.ASSISTANT;
import static care.parcours.platform.security.Roles.BILLING;
import static care.parcours.platform.security.Roles.COORDINATOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Patient records are for the staff who care for the patient and bill for it. Partner
 * systems and operations never read them: personal data stays in this service.
 */
@Configuration(proxyBeanMethods = false)
class PatientAccessRules {

	@Bean
	EndpointRules patientEndpoints() {
		return (rules) -> rules.requestMatchers(POST, "/api/patients")
			.hasAnyRole(COORDINATOR, ASSISTANT, ADMIN)
			.requestMatchers(GET, "/api/patients/*")
			.hasAnyRole(COORDINATOR, ASSISTANT, BILLING, ADMIN);
	}

}
