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
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Quotes are drafted, sent and recorded as accepted by billing staff and coordinators,
 * and read by the partner they concern; the catalogue, insurers, policies, authorisations
 * and exchange rates are billing staff's (coordinators read them to build quotes).
 * Invoices are issued, credited, paid and refunded by billing staff, read by coordinators
 * and by the partner that issues them; payment providers' notifications carry no token
 * but a signature the notifications feature checks.
 */
@Configuration(proxyBeanMethods = false)
class BillingAccessRules {

	@Bean
	EndpointRules billingEndpoints() {
		return (rules) -> rules.requestMatchers(GET, "/api/invoices", "/api/invoices/*", "/api/invoices/*/pdf")
			.access(anyOf(roles(BILLING, COORDINATOR, ADMIN), partner(SCOPE_QUOTES_READ)))
			.requestMatchers(POST, "/api/invoices", "/api/invoices/*/credit-notes", "/api/invoices/*/payments",
					"/api/invoices/*/refunds")
			.access(roles(BILLING, ADMIN))
			// A payment provider has no user token: its notifications are signed instead.
			.requestMatchers(POST, "/api/payment-notifications/*")
			.permitAll()
			.requestMatchers(GET, "/api/quotes/*/authorisations", "/api/quotes/*/authorisations/*")
			.access(roles(BILLING, COORDINATOR, ADMIN))
			.requestMatchers(POST, "/api/quotes/*/authorisations", "/api/quotes/*/authorisations/*/decision")
			.access(roles(BILLING, ADMIN))
			.requestMatchers(GET, "/api/quotes", "/api/quotes/*", "/api/quotes/*/versions/*",
					"/api/quotes/*/versions/*/pdf")
			.access(anyOf(roles(BILLING, COORDINATOR, ADMIN), partner(SCOPE_QUOTES_READ)))
			.requestMatchers(POST, "/api/quotes", "/api/quotes/*/send", "/api/quotes/*/versions/*/accept",
					"/api/quotes/*/versions/*/reject")
			.access(roles(BILLING, COORDINATOR, ADMIN))
			.requestMatchers(PUT, "/api/quotes/*")
			.access(roles(BILLING, COORDINATOR, ADMIN))
			.requestMatchers(GET, "/api/catalogue/**", "/api/insurers", "/api/insurers/*", "/api/coverages",
					"/api/coverages/*", "/api/exchange-rates")
			.access(roles(BILLING, COORDINATOR, ADMIN))
			.requestMatchers(POST, "/api/catalogue/items", "/api/catalogue/tariffs", "/api/catalogue/price-lists",
					"/api/insurers", "/api/coverages", "/api/exchange-rates")
			.access(roles(BILLING, ADMIN))
			.requestMatchers(PUT, "/api/coverages/*")
			.access(roles(BILLING, ADMIN));
	}

}
