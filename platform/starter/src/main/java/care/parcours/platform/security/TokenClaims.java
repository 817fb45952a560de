package care.parcours.platform.security;

/** The claims of a Parcours access token beyond the registered ones. */
public final class TokenClaims {

	/** The partner a partner client acts for (a UUID). */
	public static final String PARTNER_ID = "partner_id";

	/** The OAuth2 client the token was issued to. */
	public static final String CLIENT_ID = "client_id";

	/**
	 * The person's session the token was issued in: the authorization server ends it on
	 * logout or when a stolen refresh token shows, and its tokens are refused from then.
	 */
	public static final String SESSION_ID = "sid";

	private TokenClaims() {
	}

}
