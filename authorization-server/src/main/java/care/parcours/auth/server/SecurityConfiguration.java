package care.parcours.auth.server;

import care.parcours.auth.AuthProperties;
import care.parcours.auth.Role;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Four filter chains, tried in order: the management port (probes and metrics without a
 * token, nothing else), the authorization server's endpoints, the administration API (a
 * resource server of this server's own tokens), and the rest (the login form).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Every request to the management server ({@code management.server.port}): the
	 * authorization server's endpoints are filters of the chains below, which would
	 * answer there too.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain operations(HttpSecurity http, Environment environment) throws Exception {
		requireOwnManagementPort(environment);
		return http.securityMatcher(SecurityConfiguration::onManagementServer)
			.authorizeHttpRequests(
					requests -> requests.requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
						.permitAll()
						.anyRequest()
						.denyAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.build();
	}

	/**
	 * Refuses to start when the management port is the login port: Spring Boot would then
	 * serve probes and metrics through the login chain, and every health check would fail
	 * long after the deployment seemed to go well.
	 */
	static void requireOwnManagementPort(Environment environment) {
		if (ManagementPortType.get(environment) == ManagementPortType.SAME) {
			throw new IllegalStateException("management.server.port (MANAGEMENT_SERVER_PORT) must differ from "
					+ "server.port (SERVER_PORT): probes and metrics answer on a port of their own");
		}
	}

	private static boolean onManagementServer(HttpServletRequest request) {
		WebApplicationContext context = WebApplicationContextUtils
			.getWebApplicationContext(request.getServletContext());
		return context != null
				&& WebServerApplicationContext.hasServerNamespace(context, WebServerNamespace.MANAGEMENT.getValue());
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, PublicClientTokens publicClients,
			ClientCredentialsScopes defaultScopes, Logouts logouts, JwtDecoder decoder) throws Exception {
		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout.logoutResponseHandler(logouts.afterOidcLogout())))
				.tokenRevocationEndpoint(revocation -> revocation.revocationResponseHandler(logouts.afterRevocation()))
				.clientAuthentication(clients -> clients.authenticationConverter(publicClients.converter())
					.authenticationProvider(publicClients.provider()))
				.tokenEndpoint(token -> token.accessTokenRequestConverters(converters -> converters
					.replaceAll(converter -> converter instanceof OAuth2ClientCredentialsAuthenticationConverter
							? defaultScopes.converter() : converter)));
		})
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			// People whose browser asks to authorize are sent to log in first.
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
			// The OpenID Connect user info endpoint takes the person's access token.
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt.decoder(decoder)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain administrationApi(HttpSecurity http, JwtDecoder decoder, ApiProblems problems)
			throws Exception {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName(TokenClaims.ROLES);
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
		authentication.setJwtGrantedAuthoritiesConverter(roles);
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.ADMIN.claimValue()))
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(authentication))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Bearer tokens only, no cookies: nothing for a cross-site request
			// to ride on.
			.csrf(csrf -> csrf.disable())
			.build();
	}

	/**
	 * The administration API's OpenAPI document, open like every service's: it holds no
	 * personal data, and partners generate their clients from it.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain apiDocument(HttpSecurity http) throws Exception {
		return http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain login(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(
					requests -> requests.requestMatchers("/error").permitAll().anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(AuthProperties properties) {
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

	/**
	 * Hashes with bcrypt, written {@code {bcrypt}…}; a configured hash without the prefix
	 * is read as bcrypt too.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		DelegatingPasswordEncoder encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories
			.createDelegatingPasswordEncoder();
		encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
		return encoder;
	}

}
