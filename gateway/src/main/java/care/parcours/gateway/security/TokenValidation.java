package care.parcours.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import care.parcours.security.RsaPublicKeys;
import care.parcours.security.TokenRules;
import care.parcours.security.VerifiedTokens;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Decodes and checks bearer tokens by the platform's {@link TokenRules}, the services'
 * own: RS256 only, the configured issuer and audience, a type that is an access token's,
 * an expiry that has not passed. Tokens already verified are remembered
 * ({@link VerifiedTokens}). Any OIDC provider that signs with RS256 fits, Keycloak
 * included: only the issuer and JWK set URI change.
 */
@Configuration(proxyBeanMethods = false)
class TokenValidation {

	@Bean
	ReactiveJwtDecoder jwtDecoder(SecurityProperties properties) {
		NimbusReactiveJwtDecoder decoder = properties.hasPublicKey()
				? NimbusReactiveJwtDecoder
					.withPublicKey(RsaPublicKeys.parse(Objects.requireNonNull(properties.publicKey())))
					.signatureAlgorithm(TokenRules.SIGNATURE_ALGORITHM)
					.validateType(false)
					.build()
				: NimbusReactiveJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
					.jwsAlgorithm(TokenRules.SIGNATURE_ALGORITHM)
					.validateType(false)
					.webClient(jwkSetClient(properties.effectiveJwkSetUris()))
					.build();
		OAuth2TokenValidator<Jwt> claims = properties.tokenRules().validator(Clock.systemUTC());
		decoder.setJwtValidator(claims);
		// Nimbus reports unreachable keys as a plain IllegalStateException, which would
		// end as a 500. As a JwtException that is not a BadJwtException, Spring Security
		// treats it as a failure to check the token, not a bad token: a 503 problem.
		ReactiveJwtDecoder keysOutOfReachAreNoBadToken = (token) -> decoder.decode(token)
			.onErrorMap((error) -> !(error instanceof JwtException),
					(error) -> new JwtException("The issuer's signing keys could not be obtained", error));
		return inFrontOf(keysOutOfReachAreNoBadToken, new VerifiedTokens(claims));
	}

	/**
	 * What {@link VerifiedTokens#inFrontOf} does for the services, for a reactive
	 * decoder.
	 */
	static ReactiveJwtDecoder inFrontOf(ReactiveJwtDecoder verifier, VerifiedTokens verified) {
		return (token) -> Mono.defer(() -> verified.recall(token)
			.map(Mono::just)
			.orElseGet(() -> verifier.decode(token).map((jwt) -> verified.remember(token, jwt))));
	}

	/** With timeouts, trying each of the issuer's instances in turn. */
	private static WebClient jwkSetClient(List<URI> jwkSetUris) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TokenRules.KEY_FETCH_TIMEOUT.toMillis())
			.responseTimeout(TokenRules.KEY_FETCH_TIMEOUT);
		return WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.filter(new IssuerInstances(jwkSetUris))
			.build();
	}

}
