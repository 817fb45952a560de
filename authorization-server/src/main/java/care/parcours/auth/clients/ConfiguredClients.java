package care.parcours.auth.clients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import care.parcours.auth.AuthProperties;
import care.parcours.auth.DemoAccounts;
import care.parcours.auth.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The clients that configuration defines, rebuilt at every start so that a change of
 * configuration (a redirect URI, demo accounts switched off) takes effect on restart:
 * {@value #WEB}, the public client of the web front end, and the {@code demo-<role>}
 * clients when demo accounts are on. Their ids are their client ids, stable across
 * restarts since stored authorizations refer to them.
 */
@Component
class ConfiguredClients {

	/** The web front end: people log in through it with PKCE. */
	static final String WEB = "parcours-web";

	private static final Duration AUTHORIZATION_CODE_TTL = Duration.ofMinutes(2);

	private final Map<String, RegisteredClient> byClientId;

	ConfiguredClients(AuthProperties properties, PasswordEncoder passwords) {
		List<RegisteredClient> clients = new ArrayList<>();
		clients.add(web(properties));
		if (properties.demoUsers()) {
			String secret = passwords.encode(DemoAccounts.CLIENT_SECRET);
			Role.staff().forEach(role -> clients.add(demo(role, secret, properties.clientTokenTtl())));
		}
		byClientId = clients.stream()
			.collect(Collectors.toUnmodifiableMap(RegisteredClient::getClientId, Function.identity()));
	}

	@Nullable RegisteredClient find(String clientId) {
		return byClientId.get(clientId);
	}

	boolean defines(String clientId) {
		return byClientId.containsKey(clientId);
	}

	private static RegisteredClient web(AuthProperties properties) {
		if (properties.web().redirectUris().isEmpty()) {
			throw new IllegalStateException("parcours.auth.web.redirect-uris is empty: the web front end needs one");
		}
		return RegisteredClient.withId(WEB)
			.clientId(WEB)
			.clientName("Parcours web")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris(uris -> uris.addAll(properties.web().redirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			// A public client cannot keep a secret: each refresh token works once, and
			// its
			// use hands out the next one (OAuth 2.0 Security BCP, section 4.14.2).
			.tokenSettings(TokenSettings.builder()
				.authorizationCodeTimeToLive(AUTHORIZATION_CODE_TTL)
				.accessTokenTimeToLive(properties.userTokenTtl())
				.refreshTokenTimeToLive(properties.web().refreshTokenTtl())
				.reuseRefreshTokens(false)
				.build())
			.build();
	}

	private static RegisteredClient demo(Role role, String encodedSecret, Duration tokenTtl) {
		String clientId = DemoAccounts.clientId(role);
		return RegisteredClient.withId(clientId)
			.clientId(clientId)
			.clientName("Demo " + role.claimValue())
			.clientSecret(encodedSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientSettings(RegisteredClients.staffSettings(List.of(role)))
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenTtl).build())
			.build();
	}

}
