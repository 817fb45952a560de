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
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Patient records are for the staff who care for the patient and bill for it. A partner
 * system reads one record by id, and only while the patient's consent names the partner;
 * never lists, look-ups or searches. Operations never read them. Who sees names in lists
 * is decided per role in the list itself (README, Access); consents are the
 * coordinators', assistants' and admins'; the audit trail the admins'; clinical data
 * (vital signs, allergies, medication, notes, documents) is for coordinators and medical
 * assistants alone.
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
			.requestMatchers(GET, "/api/patients")
			.hasAnyRole(COORDINATOR, ASSISTANT, BILLING, ADMIN)
			// A partner reads a record only while the patient's consent names it: the
			// service checks (PartnerSharing) and audits the refusal too.
			.requestMatchers(GET, "/api/patients/*")
			.access(anyOf(roles(COORDINATOR, ASSISTANT, BILLING, ADMIN), partner(SCOPE_APPOINTMENTS_READ)))
			.requestMatchers(POST, "/api/patients/*/consents", "/api/patients/*/consents/*/withdrawal")
			.hasAnyRole(COORDINATOR, ASSISTANT, ADMIN)
			.requestMatchers(GET, "/api/patients/*/consents", "/api/patients/*/consents/*")
			.hasAnyRole(COORDINATOR, ASSISTANT, ADMIN)
			.requestMatchers(GET, "/api/patients/*/audit", "/api/audit")
			.hasRole(ADMIN)
			.requestMatchers(PUT, "/api/patients/*")
			.hasAnyRole(COORDINATOR, ASSISTANT, ADMIN)
			.requestMatchers(POST, "/api/patients/keys/rewrap")
			.hasRole(ADMIN)
			// GDPR rights: the whole record leaves the service, or is destroyed. Exports
			// for
			// the coordinator who answers the patient and for the administration;
			// erasure,
			// irreversible, for the administration alone.
			.requestMatchers(GET, "/api/patients/*/export")
			.hasAnyRole(COORDINATOR, ADMIN)
			.requestMatchers(POST, "/api/patients/*/erasure")
			.hasRole(ADMIN);
	}

}
