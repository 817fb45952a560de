package care.parcours.auth;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web front end and its user's browser do to log in: the authorization code flow
 * with PKCE through the login form, redirects followed one by one.
 */
public final class Browser {

	/** The default of {@code parcours.auth.web.redirect-uris}. */
	public static final String REDIRECT_URI = "http://localhost:5173/callback";

	private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final AuthServer server;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String verifier = randomUrlSafe(48);

	Browser(AuthServer server) {
		this.server = server;
	}

	/**
	 * Starts at the authorization endpoint, logs in when sent to the form, and returns
	 * the answer that ends the flow: the redirect to the front end with a code, or
	 * whatever stopped it (the login form again, on a wrong password).
	 */
	public HttpResponse<String> logIn(String name, String password) {
		return logIn(name, password, server);
	}

	/**
	 * As {@link #logIn(String, String)}, the filled-in form sent to another instance of
	 * the server, as a load balancer may do.
	 */
	public HttpResponse<String> logIn(String name, String password, AuthServer formPostedTo) {
		HttpResponse<String> authorize = get(authorizationRequest());
		assertThat(location(authorize)).as("sent to log in").hasPath("/login");
		HttpResponse<String> form = get(location(authorize));
		Matcher csrf = CSRF.matcher(form.body());
		assertThat(csrf.find()).as("CSRF token in the login form").isTrue();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", name);
		fields.put("password", password);
		fields.put("_csrf", csrf.group(1));
		HttpResponse<String> loggedIn = send(HttpRequest.newBuilder(formPostedTo.base().resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(AuthServer.form(fields))));
		HttpResponse<String> current = loggedIn;
		for (int hops = 0; hops < 5 && current.statusCode() == 302
				&& !location(current).toString().startsWith(REDIRECT_URI)
				&& !location(current).getPath().equals("/login"); hops++) {
			current = get(location(current));
		}
		return current;
	}

	/** The PKCE verifier of this browser's authorization requests. */
	public String verifier() {
		return verifier;
	}

	/** Logs in and exchanges the code for tokens, with the verifier. */
	public HttpResponse<String> logInAndExchange(String name, String password) {
		return exchange(codeOf(logIn(name, password)), verifier);
	}

	/** The code the front end got, checking that the state came back. */
	public static String codeOf(HttpResponse<String> redirect) {
		assertThat(redirect.statusCode()).isEqualTo(302);
		URI location = location(redirect);
		assertThat(location.toString()).startsWith(REDIRECT_URI);
		var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
		assertThat(query.getFirst("state")).isEqualTo("front-end-state");
		return query.getFirst("code");
	}

	public HttpResponse<String> exchange(String code, String codeVerifier) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("grant_type", "authorization_code");
		fields.put("code", code);
		fields.put("redirect_uri", REDIRECT_URI);
		fields.put("client_id", "parcours-web");
		fields.put("code_verifier", codeVerifier);
		return tokenRequest(fields);
	}

	public HttpResponse<String> refresh(String refreshToken) {
		return refresh(refreshToken, "parcours-web");
	}

	/** A refresh as a public client would send it: its id, no secret. */
	public HttpResponse<String> refresh(String refreshToken, String clientId) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("grant_type", "refresh_token");
		fields.put("refresh_token", refreshToken);
		fields.put("client_id", clientId);
		return tokenRequest(fields);
	}

	/**
	 * What the front end sends when the person logs out: one of its tokens given back
	 * (RFC 7009), as a public client, by its id.
	 */
	public HttpResponse<String> revoke(String token) {
		return revoke(token, "parcours-web");
	}

	/** A token given back as a public client would: its id, no secret. */
	public HttpResponse<String> revoke(String token, String clientId) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("token", token);
		fields.put("client_id", clientId);
		return send(HttpRequest.newBuilder(server.base().resolve("/oauth2/revoke"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(AuthServer.form(fields))));
	}

	/**
	 * Where the front end sends the browser when the person logs out: the end-session
	 * endpoint (OpenID Connect RP-initiated logout), with the ID token it holds.
	 */
	public HttpResponse<String> logOut(String idToken) {
		return get(URI.create(server.base() + "/connect/logout?id_token_hint=" + AuthServer.encode(idToken)));
	}

	private HttpResponse<String> tokenRequest(Map<String, String> fields) {
		return send(HttpRequest.newBuilder(server.base().resolve("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(AuthServer.form(fields))));
	}

	private URI authorizationRequest() {
		return URI.create(server.base() + "/oauth2/authorize?response_type=code&client_id=parcours-web"
				+ "&scope=openid%20profile&state=front-end-state&redirect_uri=" + AuthServer.encode(REDIRECT_URI)
				+ "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256");
	}

	private HttpResponse<String> get(URI uri) {
		return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		return AuthServer.send(http, request);
	}

	private static URI location(HttpResponse<String> response) {
		String location = response.headers()
			.firstValue("Location")
			.orElseThrow(() -> new AssertionError(
					"No redirect: " + response.statusCode() + " " + response.uri() + " " + response.body()));
		return response.uri().resolve(location);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
