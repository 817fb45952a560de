package care.parcours.system.scenarios;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * A person logging in to the web front end with their browser: the authorization code
 * flow with PKCE through the login form, each step sent to the instance of the
 * authorization server the caller names, as a load balancer that keeps no browser on one
 * instance may do.
 */
final class LoginBrowser {

	/** The web front end's client and where it gets its codes. */
	private static final String CLIENT = "parcours-web";

	private static final String REDIRECT_URI = "http://localhost:5173/callback";

	private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(2))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String verifier = randomUrlSafe(48);

	/**
	 * Logs in: the authorization request and the login form from {@code begun}, the
	 * filled-in form posted to {@code ended}, each redirect followed where it points, the
	 * code exchanged at {@code ended}.
	 * @return the access token
	 * @throws IllegalStateException when a step fails, naming it
	 */
	String logIn(String name, String password, URI begun, URI ended) {
		HttpResponse<String> authorize = get(begun.resolve("/oauth2/authorize?response_type=code&client_id=" + CLIENT
				+ "&scope=openid%20profile&state=s&redirect_uri=" + encode(REDIRECT_URI) + "&code_challenge="
				+ challenge() + "&code_challenge_method=S256"));
		HttpResponse<String> form = get(location(authorize));
		Matcher csrf = CSRF.matcher(form.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No login form: " + form.statusCode() + " " + form.body());
		}
		HttpResponse<String> current = send(HttpRequest.newBuilder(ended.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form(Map.of("username", name, "password", password, "_csrf", csrf.group(1))))));
		for (int hops = 0; hops < 5 && !location(current).toString().startsWith(REDIRECT_URI); hops++) {
			current = get(location(current));
		}
		String query = location(current).getRawQuery();
		String code = Arrays.stream(query.split("&"))
			.filter((parameter) -> parameter.startsWith("code="))
			.map((parameter) -> URLDecoder.decode(parameter.substring(5), StandardCharsets.UTF_8))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No code in " + query));
		HttpResponse<String> tokens = send(HttpRequest.newBuilder(ended.resolve("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
					"redirect_uri", REDIRECT_URI, "client_id", CLIENT, "code_verifier", this.verifier)))));
		if (tokens.statusCode() != 200) {
			throw new IllegalStateException("Code refused: " + tokens.statusCode() + " " + tokens.body());
		}
		return JSON.readTree(tokens.body()).path("access_token").asString();
	}

	private HttpResponse<String> get(URI uri) {
		return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("No answer from " + request.build().uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static URI location(HttpResponse<String> response) {
		return response.headers()
			.firstValue("Location")
			.map(response.uri()::resolve)
			.orElseThrow(() -> new IllegalStateException(
					"No redirect: " + response.statusCode() + " " + response.uri() + " " + response.body()));
	}

	private String challenge() {
		try {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(
						MessageDigest.getInstance("SHA-256").digest(this.verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String randomUrlSafe(int bytes) {
		byte[] random = new byte[bytes];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
