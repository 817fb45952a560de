package care.parcours.auth;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import care.parcours.test.ApiAnswers;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization server under test, reached over plain HTTP with the JDK's client:
 * every request carries exactly the credentials the test gives it, nothing else.
 */
public final class AuthServer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI base;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	public AuthServer(int port) {
		this.base = URI.create("http://localhost:" + port);
	}

	public URI base() {
		return base;
	}

	/** A client-credentials token request, authenticated with HTTP Basic. */
	public HttpResponse<String> clientCredentials(String clientId, String secret, String... scopes) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		if (scopes.length > 0) {
			form.put("scope", String.join(" ", scopes));
		}
		return postForm("/oauth2/token", clientId, secret, form);
	}

	/** A token given back (RFC 7009) by a confidential client, with HTTP Basic. */
	public HttpResponse<String> revoke(String token, String clientId, String secret) {
		return postForm("/oauth2/revoke", clientId, secret, Map.of("token", token));
	}

	private HttpResponse<String> postForm(String path, String clientId, String secret, Map<String, String> form) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(base.resolve(path))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form))));
	}

	/** The access token of a client that must get one. */
	public String accessToken(String clientId, String secret) {
		HttpResponse<String> response = clientCredentials(clientId, secret);
		assertThat(response.statusCode()).as("token response %s", response.body()).isEqualTo(200);
		return json(response).path("access_token").asString();
	}

	public HttpResponse<String> get(String path, @Nullable String bearer) {
		return send(authorized(HttpRequest.newBuilder(base.resolve(path)), bearer).GET());
	}

	public HttpResponse<String> post(String path, @Nullable String bearer, @Nullable String json) {
		HttpRequest.Builder request = authorized(HttpRequest.newBuilder(base.resolve(path)), bearer);
		if (json == null) {
			return send(request.POST(HttpRequest.BodyPublishers.noBody()));
		}
		return send(request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * Checks the token's RS256 signature against the key the JWK set publishes for its
	 * {@code kid}, and returns its claims.
	 */
	public JWTClaimsSet verify(String jwt) {
		try {
			SignedJWT token = SignedJWT.parse(jwt);
			assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
			JWKSet keys = JWKSet.parse(get("/oauth2/jwks", null).body());
			var key = keys.getKeyByKeyId(token.getHeader().getKeyID());
			assertThat(key).as("published key %s", token.getHeader().getKeyID()).isNotNull();
			assertThat(key.isPrivate()).as("the JWK set publishes private key material").isFalse();
			assertThat(token.verify(new RSASSAVerifier(key.toRSAKey()))).as("signature").isTrue();
			return token.getJWTClaimsSet();
		}
		catch (ParseException | JOSEException ex) {
			throw new AssertionError("Not a verifiable JWT: " + ex.getMessage(), ex);
		}
	}

	/** A browser: its own cookies, following no redirect by itself. */
	public Browser browser() {
		return new Browser(this);
	}

	public static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static HttpRequest.Builder authorized(HttpRequest.Builder request, @Nullable String bearer) {
		return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
	}

	/**
	 * Sends the request; an answer of the administration API is checked against the
	 * committed document, as the services' tests check theirs.
	 */
	HttpResponse<String> send(HttpRequest.Builder request) {
		HttpResponse<String> response = send(http, request);
		ApiAnswers api = ApiAnswers.committed("authorization-server");
		if (api == null) {
			return response;
		}
		HttpHeaders headers = new HttpHeaders();
		response.headers().map().forEach(headers::addAll);
		api.verify(response.request().method(), response.uri().getRawPath(), response.statusCode(), headers,
				response.body().getBytes(StandardCharsets.UTF_8));
		return response;
	}

	static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new AssertionError("Request failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted", ex);
		}
	}

}
