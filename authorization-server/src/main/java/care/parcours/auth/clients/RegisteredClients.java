package care.parcours.auth.clients;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.auth.AuthProperties;
import care.parcours.auth.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Every client: the configured ones first, then those stored in
 * {@code oauth2_registered_client} (Spring Authorization Server's schema, secrets bcrypt
 * hashed). Stored clients get the token lifetime configured now, not the one of the day
 * they were made. Writes join the caller's transaction.
 */
@Component
public class RegisteredClients implements RegisteredClientRepository {

	private static final Logger log = LoggerFactory.getLogger(RegisteredClients.class);

	/** Client setting: the staff roles of a demo client's tokens. */
	static final String ROLES = "parcours.roles";

	/** Client setting: the partner a partner client acts for. */
	static final String PARTNER_ID = "parcours.partner-id";

	private final ConfiguredClients configured;

	private final JdbcRegisteredClientRepository stored;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuthProperties properties;

	RegisteredClients(ConfiguredClients configured, JdbcTemplate jdbcTemplate, JdbcClient jdbc,
			PasswordEncoder passwords, AuthProperties properties) {
		this.configured = configured;
		this.stored = new JdbcRegisteredClientRepository(jdbcTemplate);
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.properties = properties;
	}

	/**
	 * Stores a client. Spring Authorization Server calls this to re-hash a secret; the
	 * configured clients are rebuilt at every start instead.
	 */
	@Override
	public void save(RegisteredClient client) {
		if (configured.defines(client.getClientId())) {
			log.debug("Not storing configured client {}", client.getClientId());
			return;
		}
		stored.save(client);
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		RegisteredClient client = configured.find(id);
		return client != null ? client : current(stored.findById(id));
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		RegisteredClient client = configured.find(clientId);
		return client != null ? client : current(stored.findByClientId(clientId));
	}

	/**
	 * Registers the client-credentials client of a partner.
	 * @param secret the secret in clear: only its bcrypt hash is stored
	 */
	public void addPartnerClient(String clientId, UUID partnerId, String name, Collection<String> scopes, String secret,
			Instant issuedAt) {
		stored.save(RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientIdIssuedAt(issuedAt)
			.clientSecret(passwords.encode(secret))
			.clientName(name)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scopes(all -> all.addAll(scopes))
			.clientSettings(ClientSettings.builder().setting(PARTNER_ID, partnerId.toString()).build())
			.tokenSettings(clientTokenSettings())
			.build());
	}

	/** Replaces a stored client's secret: the old one stops working at once. */
	public void replaceSecret(String clientId, String secret) {
		stored.save(RegisteredClient.from(require(clientId)).clientSecret(passwords.encode(secret)).build());
	}

	/**
	 * Refuses a stored client from now on: its secret expires (the token endpoint answers
	 * {@code invalid_client}) and the authorizations it holds are dropped, so that
	 * introspection calls its tokens inactive.
	 */
	public void refuse(String clientId, Instant from) {
		RegisteredClient client = require(clientId);
		stored.save(RegisteredClient.from(client).clientSecretExpiresAt(from).build());
		jdbc.sql("delete from oauth2_authorization where registered_client_id = ?").param(client.getId()).update();
	}

	/** The {@code roles} claim of the client's own tokens (client-credentials grant). */
	public static List<String> rolesOf(RegisteredClient client) {
		if (partnerIdOf(client).isPresent()) {
			return List.of(Role.PARTNER.claimValue());
		}
		Object roles = client.getClientSettings().getSetting(ROLES);
		return roles instanceof List<?> names ? names.stream().map(String::valueOf).toList() : List.of();
	}

	/** The {@code partner_id} claim of a partner client's tokens. */
	public static Optional<String> partnerIdOf(RegisteredClient client) {
		return Optional.ofNullable(client.getClientSettings().<String>getSetting(PARTNER_ID));
	}

	static ClientSettings staffSettings(List<Role> roles) {
		return ClientSettings.builder().setting(ROLES, roles.stream().map(Role::claimValue).toList()).build();
	}

	private RegisteredClient require(String clientId) {
		RegisteredClient client = stored.findByClientId(clientId);
		if (client == null) {
			throw new IllegalStateException("No stored client " + clientId);
		}
		return client;
	}

	private @Nullable RegisteredClient current(@Nullable RegisteredClient client) {
		return client == null ? null : RegisteredClient.from(client).tokenSettings(clientTokenSettings()).build();
	}

	private TokenSettings clientTokenSettings() {
		return TokenSettings.builder().accessTokenTimeToLive(properties.clientTokenTtl()).build();
	}

}
