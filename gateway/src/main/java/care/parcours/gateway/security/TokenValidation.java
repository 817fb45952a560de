package care.parcours.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Decodes and checks bearer tokens: RS256 only (so neither {@code alg: none} nor an HMAC
 * token signed with the public key as its secret gets through), the configured issuer and
 * audience, an expiry that has not passed. Any OIDC provider that signs with RS256 fits,
 * Keycloak included: only the issuer and JWK set URI change.
 */
@Configuration(proxyBeanMethods = false)
class TokenValidation {

	// The issuer's keys are fetched on the request path: a slow issuer must not hold
	// every request for long.
	private static final Duration JWK_SET_TIMEOUT = Duration.ofSeconds(2);

	@Bean
	ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
		NimbusReactiveJwtDecoder decoder = properties.hasPublicKey()
				? NimbusReactiveJwtDecoder
					.withPublicKey(RsaPublicKeys.parse(Objects.requireNonNull(properties.publicKey())))
					.signatureAlgorithm(SignatureAlgorithm.RS256)
					.validateType(false)
					.build()
				: NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
					.jwsAlgorithm(SignatureAlgorithm.RS256)
					.validateType(false)
					.webClient(jwkSetClient())
					.build();
		decoder.setJwtValidator(validator(properties));
		// Nimbus reports unreachable keys as a plain IllegalStateException, which would
		// end
		// as a 500. As a JwtException that is not a BadJwtException, Spring Security
		// treats
		// it as a failure to check the token, not a bad token: a 503 problem.
		ReactiveJwtDecoder keysOutOfReachAreNoBadToken = (token) -> decoder.decode(token)
			.onErrorMap((error) -> !(error instanceof JwtException),
					(error) -> new JwtException("The issuer's signing keys could not be obtained", error));
		return new VerifiedTokens(keysOutOfReachAreNoBadToken, Clock.systemUTC(), properties.clockSkew());
	}

	static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
		JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt");
		type.setAllowEmpty(true);
		return new DelegatingOAuth2TokenValidator<>(type, new JwtTimestampValidator(properties.clockSkew()),
				new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
				new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience()));
	}

	private static WebClient jwkSetClient() {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) JWK_SET_TIMEOUT.toMillis())
			.responseTimeout(JWK_SET_TIMEOUT);
		return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

}
