package care.parcours.auth.server;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import care.parcours.auth.AuthProperties;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * How tokens are made, kept and read back: RS256 JWT access and ID tokens with the
 * platform's claims, one-use refresh tokens, authorizations in the database so that a
 * restart or a second instance honours what the first one issued
 * ({@link RefreshTokenReuse}).
 */
@Configuration(proxyBeanMethods = false)
class TokensConfiguration {

	@Bean
	DelegatingOAuth2TokenGenerator tokenGenerator(JwtEncoder encoder, TokenClaims claims, Clock clock) {
		JwtGenerator jwts = new JwtGenerator(encoder);
		jwts.setJwtCustomizer(claims);
		return new DelegatingOAuth2TokenGenerator(jwts, new RotatingRefreshTokens(clock));
	}

	/**
	 * Reads this server's own access tokens only: signed RS256 with one of its keys, from
	 * its issuer, for the platform's audience, and a person's only while their session
	 * goes on.
	 */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, AuthProperties properties, Sessions sessions) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		decoder.setJwtValidator(
				JwtValidators.createDefaultWithValidators(JwtValidators.createDefaultWithIssuer(properties.issuer()),
						new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
								audience -> audience != null && audience.contains(TokenClaims.AUDIENCE)),
						// Asked where the sessions are kept, not learnt from the
						// event as by the services: refused at once once ended.
						new JwtClaimValidator<@Nullable String>(TokenClaims.SESSION_ID,
								session -> session == null || sessions.isOpen(session))));
		return decoder;
	}

	/**
	 * Refresh tokens for every client allowed the grant, public ones included: Spring
	 * Authorization Server's own generator gives none to a public client, but the web
	 * front end is one. Each refresh replaces the token
	 * ({@code reuseRefreshTokens=false}), so a stolen one works at most once, and a
	 * replaced one presented again ends the session ({@link RefreshTokenReuse}).
	 */
	static final class RotatingRefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

		private final StringKeyGenerator values = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(),
				96);

		private final Clock clock;

		RotatingRefreshTokens(Clock clock) {
			this.clock = clock;
		}

		@Override
		public @Nullable OAuth2RefreshToken generate(OAuth2TokenContext context) {
			if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType()) || !context.getRegisteredClient()
				.getAuthorizationGrantTypes()
				.contains(AuthorizationGrantType.REFRESH_TOKEN)) {
				return null;
			}
			Instant issuedAt = clock.instant();
			return new OAuth2RefreshToken(values.generateKey(), issuedAt,
					issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive()));
		}

	}

}
