package care.parcours.patient.access;

import care.parcours.platform.security.EndpointRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static care.parcours.platform.security.Access.anyOf;
import static care.parcours.platform.security.Access.partner;
import static care.parcours.platform.security.Access.roles;
import static care.parcours.platform.security.Roles.ADMIN;
import static care.parcours.platform.security.Roles.BILLING;
import static care.parcours.platform.security.Roles.COORDINATOR;
import static care.parcours.platform.security.Roles.OPS;
import static care.parcours.platform.security.Roles.SCOPE_QUOTES_READ;
import static org.springframework.http.HttpMethod.GET;

/**
 * The network's monthly indicators are read by those who report on the network and run
 * it: coordinators, billing staff (the revenue is theirs), admins and operations staff. A
 * partner client allowed to read quotes reads its own month (the path's partner id is
 * checked against its token: another partner's answers 404), never the list that compares
 * partners. Assistants have no use for them.
 */
@Configuration(proxyBeanMethods = false)
class ReportAccessRules {

	@Bean
	EndpointRules reportEndpoints() {
		return (rules) -> rules.requestMatchers(GET, "/api/reports/partners/*/months/*")
			.access(anyOf(roles(COORDINATOR, BILLING, ADMIN, OPS), partner(SCOPE_QUOTES_READ)))
			.requestMatchers(GET, "/api/reports/months/*")
			.access(roles(COORDINATOR, BILLING, ADMIN, OPS));
	}

}
