package care.parcours.platform.security;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import care.parcours.http.HeaderCharacters;
import care.parcours.security.RsaPublicKeys;
import care.parcours.security.TokenRules;
import care.parcours.security.VerifiedTokens;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.DispatcherType;

/**
 * Makes every servlet service an OAuth2 resource server: tokens are checked for signature
 * (RS256 only), issuer, audience, expiry, a revoked client and an ended session; the
 * service's {@link EndpointRules} say who may call what; anything no rule names is
 * refused. Health, metrics and the OpenAPI document stay open for orchestrators,
 * Prometheus and the gateway's Swagger UI.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" },
		afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ParcoursSecurityProperties.class)
@EnableWebSecurity
public class ParcoursSecurityConfiguration {

	@Bean
	@ConditionalOnBean(JdbcClient.class)
	@ConditionalOnMissingBean
	RevokedClients revokedClients(JdbcClient jdbc, ObjectProvider<Clock> clock, ParcoursSecurityProperties properties) {
		return new RevokedClients(jdbc, clock.getIfAvailable(Clock::systemUTC), properties.revocationRefresh());
	}

	@Bean
	@ConditionalOnBean(JdbcClient.class)
	@ConditionalOnMissingBean
	EndedSessions endedSessions(JdbcClient jdbc, ObjectProvider<Clock> clock, ParcoursSecurityProperties properties) {
		return new EndedSessions(jdbc, clock.getIfAvailable(Clock::systemUTC), properties.revocationRefresh());
	}

	@Bean
	@ConditionalOnMissingBean
	JwtDecoder jwtDecoder(ParcoursSecurityProperties properties, ObjectProvider<RevokedClients> revoked,
			ObjectProvider<EndedSessions> ended) {
		List<OAuth2TokenValidator<Jwt>> revocations = new ArrayList<>();
		revoked.ifAvailable(revocations::add);
		ended.ifAvailable(revocations::add);
		return tokenDecoder(properties, revocations);
	}

	/**
	 * The platform's {@link TokenRules}, the gateway's own, then the revocations; tokens
	 * already verified are remembered ({@link VerifiedTokens}).
	 */
	static JwtDecoder tokenDecoder(ParcoursSecurityProperties properties, List<OAuth2TokenValidator<Jwt>> revocations) {
		NimbusJwtDecoder decoder = properties.hasPublicKey()
				? NimbusJwtDecoder.withPublicKey(RsaPublicKeys.parse(Objects.requireNonNull(properties.publicKey())))
					.signatureAlgorithm(TokenRules.SIGNATURE_ALGORITHM)
					.validateType(false)
					.build()
				: NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
					.jwsAlgorithm(TokenRules.SIGNATURE_ALGORITHM)
					.validateType(false)
					.restOperations(keyFetching(properties.effectiveJwkSetUris()))
					.build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		// The system clock, not the service's Clock bean: the issuer mints on real time,
		// and tests move the service's clock.
		validators.add(properties.tokenRules().validator(Clock.systemUTC()));
		validators.addAll(revocations);
		OAuth2TokenValidator<Jwt> claims = new DelegatingOAuth2TokenValidator<>(validators);
		decoder.setJwtValidator(claims);
		return new VerifiedTokens(claims).inFrontOf(decoder);
	}

	/**
	 * The client that fetches the issuer's keys, with the gateway's timeouts: Spring
	 * Security's default has none, so an issuer that stopped answering would hold
	 * requests for ever. Each of the issuer's instances is tried in turn
	 * ({@link IssuerInstances}).
	 */
	private static RestTemplate keyFetching(List<URI> jwkSetUris) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(TokenRules.KEY_FETCH_TIMEOUT);
		requests.setReadTimeout(TokenRules.KEY_FETCH_TIMEOUT);
		RestTemplate client = new RestTemplate(requests);
		client.getInterceptors().add(new IssuerInstances(jwkSetUris));
		return client;
	}

	/**
	 * No observation (timer, trace span) per security filter, authentication and
	 * authorisation: more than a dozen per request, measured in the booking benchmark's
	 * profile. The request as a whole is still timed ({@code http.server.requests}).
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	@ConditionalOnMissingBean(SecurityFilterChain.class)
	SecurityFilterChain parcoursResourceServer(HttpSecurity http, List<EndpointRules> endpointRules,
			ParcoursSecurityProperties properties, ObjectProvider<RequestMappingInfoHandlerMapping> handlers)
			throws Exception {
		SecurityProblems problems = new SecurityProblems();
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.oauth2ResourceServer((server) -> server.bearerTokenResolver(new BearerTokens())
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems)
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(authenticationConverter(properties))))
			.authorizeHttpRequests((rules) -> {
				rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
				rules
					.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
							"/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**")
					.permitAll();
				endpointRules.forEach((service) -> service.configure(rules));
				rules.anyRequest().access(new EndpointsWithoutRules(handlers));
			});
		return http.build();
	}

	/**
	 * Spring Security's strict firewall, its header checks done without regular
	 * expressions ({@link HeaderCharacters}): they ran over the bearer token of every
	 * request.
	 */
	@Bean
	@ConditionalOnMissingBean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
		firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
		return firewall;
	}

	@Bean
	WebMvcConfigurer partnerPathGuard() {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new PartnerPathGuard());
			}
		};
	}

	static JwtAuthenticationConverter authenticationConverter(ParcoursSecurityProperties properties) {
		JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
		Converter<Jwt, Collection<GrantedAuthority>> authorities = (jwt) -> {
			List<GrantedAuthority> granted = new ArrayList<>(scopes.convert(jwt));
			roles(jwt.getClaims(), properties.rolesClaim())
				.forEach((role) -> granted.add(new SimpleGrantedAuthority("ROLE_" + role)));
			return granted;
		};
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

	/**
	 * The roles under a claim path such as {@code roles} or {@code realm_access.roles}.
	 */
	static List<String> roles(Map<String, Object> claims, String path) {
		Object node = claims;
		for (String part : path.split("\\.")) {
			if (!(node instanceof Map<?, ?> map)) {
				return List.of();
			}
			node = map.get(part);
		}
		if (node instanceof Collection<?> values) {
			return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
		}
		return List.of();
	}

}
