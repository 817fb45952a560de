package care.parcours.auth;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the authorization server, under {@code parcours.auth}.
 *
 * @param issuer the {@code iss} of every token and the base of the discovery documents;
 * what resource servers configure as their issuer
 * @param userTokenTtl how long an access token issued to a person lives
 * @param clientTokenTtl how long an access token issued for the client-credentials grant
 * lives
 * @param refreshTokenReuseLeeway how soon after a refresh token is replaced it may come
 * back without ending the session: a second tab of the same browser refreshing at the
 * same moment presents it too, not only a thief; it is refused either way
 * @param signingKey a PEM PKCS#8 RSA private key to sign tokens with; when absent a key
 * is generated once and kept in the database
 * @param signingKeyId the {@code kid} of {@code signingKey}
 * @param demoUsers whether the demo people and {@code demo-<role>} clients exist: for
 * local platforms only
 * @param users the people who may log in
 * @param web the web front end, a public client using PKCE
 */
@ConfigurationProperties("parcours.auth")
public record AuthProperties(@DefaultValue("http://localhost:9000") String issuer,
		@DefaultValue("15m") Duration userTokenTtl, @DefaultValue("10m") Duration clientTokenTtl,
		@DefaultValue("2s") Duration refreshTokenReuseLeeway, @Nullable String signingKey,
		@Nullable String signingKeyId, @DefaultValue("false") boolean demoUsers, @DefaultValue List<User> users,
		@DefaultValue Web web) {

	/** Whether a signing key is configured rather than kept in the database. */
	public boolean hasConfiguredSigningKey() {
		return signingKey != null && !signingKey.isBlank();
	}

	/** Leaves the signing key out, so that printing the settings never leaks it. */
	@Override
	public String toString() {
		return "AuthProperties[issuer=" + issuer + ", userTokenTtl=" + userTokenTtl + ", clientTokenTtl="
				+ clientTokenTtl + ", refreshTokenReuseLeeway=" + refreshTokenReuseLeeway + ", signingKeyId="
				+ signingKeyId + ", demoUsers=" + demoUsers + ", users=" + users + ", web=" + web + "]";
	}

	/**
	 * A person who may log in.
	 *
	 * @param name the login name, also the {@code sub} of the person's tokens
	 * @param password a bcrypt hash of the password ({@code $2a$…}, optionally prefixed
	 * {@code {bcrypt}}), never the password itself
	 * @param roles the person's roles, such as {@code coordinator}
	 */
	public record User(String name, String password, List<String> roles) {

		@Override
		public String toString() {
			return "User[name=" + name + ", roles=" + roles + "]";
		}

	}

	/**
	 * The web front end.
	 *
	 * @param redirectUris where the front end may receive authorization codes
	 * @param refreshTokenTtl how long a refresh token lives; each use replaces it
	 */
	public record Web(@DefaultValue("http://localhost:5173/callback") List<String> redirectUris,
			@DefaultValue("8h") Duration refreshTokenTtl) {

	}

}
