package care.parcours.gateway.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import care.parcours.gateway.problem.RequestRefused;
import care.parcours.http.HeaderCharacters;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.HeaderSpec;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

/**
 * Three filter chains. The management port (probes and metrics, for orchestrators and
 * Prometheus inside the network) answers without a token, and only those endpoints; the
 * public port serves no actuator endpoint at all. On the public port, the authorization
 * server's paths pass without a token (it authenticates those requests itself, login
 * forms and client secrets included). Every other path needs a valid bearer token, except
 * the few listed as public: a teleconsultation's join link, a payment provider's signed
 * notification, the Swagger UI and the services' OpenAPI documents. A path added later is
 * therefore protected by default.
 * <p>
 * Stateless: no session, no saved request, no CSRF token (a bearer token is not sent by
 * the browser on its own, so it cannot be forged cross-site). Spring Security's strict
 * firewall stays in place: it rejects {@code ..}, encoded dots and slashes, {@code //}
 * and other ambiguous paths before any route sees them.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurity {

	/** Forwarded to the authorization server, which authenticates them itself. */
	static final String[] AUTHORIZATION_SERVER_PATHS = { "/oauth2/**", "/login", "/logout", "/.well-known/**",
			"/userinfo", "/connect/**", "/api/partner-clients/**" };

	/**
	 * Open to anyone. A teleconsultation's join link is a capability the patient holds
	 * (256 random bits), checked by scheduling-service. A payment provider's notification
	 * carries no token but an HMAC signature of its body, checked by billing-service.
	 */
	static final String[] PUBLIC_PATHS = { "/api/appointments/join/*", "/api/payment-notifications/*",
			"/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/v3/api-docs/**", "/asyncapi/**" };

	/**
	 * Every request to the management server ({@code management.server.port}): the
	 * gateway's route mapping skips a fixed management port but not a random one (port
	 * 0), and nothing but the probes and metrics may answer there.
	 */
	@Bean
	@Order(0)
	SecurityWebFilterChain operations(ServerHttpSecurity http, Environment environment) {
		requireOwnManagementPort(environment);
		BearerTokenRefusal refusal = new BearerTokenRefusal();
		return stateless(http).securityMatcher(GatewaySecurity::onManagementServer)
			.authorizeExchange((exchanges) -> exchanges.matchers(EndpointRequest.to("health", "info", "prometheus"))
				.permitAll()
				.anyExchange()
				.denyAll())
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(refusal).accessDeniedHandler(refusal))
			.build();
	}

	/**
	 * Refuses to start when the management port is the public one: Spring Boot would then
	 * serve probes and metrics behind the public port's token check, and every health
	 * check would fail with a 401 long after the deployment seemed to go well.
	 */
	static void requireOwnManagementPort(Environment environment) {
		if (ManagementPortType.get(environment) == ManagementPortType.SAME) {
			throw new IllegalStateException("management.server.port (MANAGEMENT_SERVER_PORT) must differ from "
					+ "server.port (SERVER_PORT): probes and metrics answer on a port of their own");
		}
	}

	@Bean
	@Order(1)
	SecurityWebFilterChain authorizationServerPaths(ServerHttpSecurity http) {
		return stateless(http).securityMatcher(ServerWebExchangeMatchers.pathMatchers(AUTHORIZATION_SERVER_PATHS))
			.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
			// Its login pages carry their own Content-Security-Policy, if any.
			.headers((headers) -> securityHeaders(headers, null))
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain everythingElse(ServerHttpSecurity http) {
		BearerTokenRefusal refusal = new BearerTokenRefusal();
		return stateless(http)
			.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers(PUBLIC_PATHS).permitAll().anyExchange().authenticated())
			.oauth2ResourceServer((server) -> server.bearerTokenConverter(new BearerTokens())
				.jwt(Customizer.withDefaults())
				.authenticationEntryPoint(refusal)
				.accessDeniedHandler(refusal))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint(refusal).accessDeniedHandler(refusal))
			.headers((headers) -> securityHeaders(headers, new ContentSecurityPolicies()))
			.build();
	}

	/**
	 * No observation (timer, trace span) per security filter, authentication and
	 * authorisation: a dozen per request, a large share of the gateway's own time. The
	 * request as a whole is still timed ({@code http.server.requests},
	 * {@code spring.cloud.gateway.requests}) and traced.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	private static Mono<MatchResult> onManagementServer(ServerWebExchange exchange) {
		return WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(),
				WebServerNamespace.MANAGEMENT.getValue()) ? MatchResult.match() : MatchResult.notMatch();
	}

	/**
	 * Spring Security's strict firewall, its header checks done without regular
	 * expressions ({@link HeaderCharacters}).
	 */
	@Bean
	ServerWebExchangeFirewall firewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
		firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
		return firewall;
	}

	/** A path the firewall refuses gets the gateway's 400 problem, not a bare status. */
	@Bean
	ServerExchangeRejectedHandler rejectedPathsAnswerProblems() {
		return (exchange, rejected) -> Mono.error(RequestRefused.of(HttpStatus.BAD_REQUEST, "bad-request",
				"The request path or headers are not acceptable."));
	}

	private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			// CORS is answered before security, by the edge filter: a preflight
			// carries no token.
			.cors(ServerHttpSecurity.CorsSpec::disable);
	}

	/**
	 * Written when the answer is committed, and only where the service did not set the
	 * header itself. HSTS goes out on HTTPS requests only.
	 */
	private static void securityHeaders(HeaderSpec headers, @Nullable ContentSecurityPolicies policies) {
		headers.frameOptions((frame) -> frame.mode(Mode.DENY))
			.contentTypeOptions(Customizer.withDefaults())
			.hsts((hsts) -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
		if (policies != null) {
			headers.writer(policies);
		}
	}

}
