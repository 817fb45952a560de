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
import static org.springframework.http.HttpMethod.PUT;

/**
 * Patient records are for the staff who care for the patient and bill for it. Partner
 * systems and operations never read them: personal data stays in this service. Who sees
 * names in lists is decided per role in the list itself (README, Access); clinical data
 * is for coordinators and medical assistants alone.
 */
@Configuration(proxyBeanMethods = false)
class PatientAccessRules {

	/**
	 * Clinical data (vital signs, allergies, medication, notes, documents): for those who
	 * care for the patient only. Billing and admin open a record's identity when their
	 * work names it, never its clinical content.
	 */
	private static final String[] CLINICAL = { "/api/patients/*/vital-signs", "/api/patients/*/allergies",
			"/api/patients/*/medications", "/api/patients/*/notes", "/api/patients/*/documents",
			"/api/patients/*/documents/*" };

	@Bean
	EndpointRules patientEndpoints() {
		return (rules) -> rules.requestMatchers(GET, CLINICAL)
			.hasAnyRole(COORDINATOR, ASSISTANT)
			.requestMatchers(POST, CLINICAL)
			.hasAnyRole(COORDINATOR, ASSISTANT)
			.requestMatchers(POST, "/api/patients/lookup", "/api/patients/search")
			.hasAnyRole(COORDINATOR, ASSISTANT, BILLING, ADMIN)
			.requestMatchers(POST, "/api/patients")
			.hasAnyRole(COORDINATOR, ASSISTANT, ADMIN)
			.requestMatchers(GET, "/api/patients", "/api/patients/*")
			.hasAnyRole(COORDINATOR, ASSISTANT, BILLING, ADMIN)
			.requestMatchers(PUT, "/api/patients/*")
			.hasAnyRole(COORDINATOR, ASSISTANT, ADMIN)
			.requestMatchers(POST, "/api/patients/keys/rewrap")
			.hasRole(ADMIN);
	}

}
