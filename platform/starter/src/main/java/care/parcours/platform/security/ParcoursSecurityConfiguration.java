package care.parcours.platform.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import care.parcours.http.HeaderCharacters;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
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
		NimbusJwtDecoder decoder = properties.hasPublicKey()
				? NimbusJwtDecoder.withPublicKey(rsaPublicKey(properties.publicKey()))
					.signatureAlgorithm(SignatureAlgorithm.RS256)
					.build()
				: NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
					.jwsAlgorithm(SignatureAlgorithm.RS256)
					.build();
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(properties.clockSkew()));
		validators.add(new JwtIssuerValidator(properties.issuer()));
		validators.add(new JwtClaimValidator<Collection<String>>("aud",
				(audience) -> audience != null && audience.contains(properties.audience())));
		revoked.ifAvailable(validators::add);
		ended.ifAvailable(validators::add);
		OAuth2TokenValidator<Jwt> claims = new DelegatingOAuth2TokenValidator<>(validators);
		decoder.setJwtValidator(claims);
		return new VerifiedTokens(decoder, claims);
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

	static RSAPublicKey rsaPublicKey(String pem) {
		String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		try {
			return (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (java.security.GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("parcours.security.public-key is not a PEM RSA public key", ex);
		}
	}

}
