package care.parcours.auth.people;

import java.net.http.HttpResponse;
import java.text.ParseException;

import care.parcours.auth.AuthServer;
import care.parcours.auth.DemoAccounts;
import care.parcours.auth.Role;
import care.parcours.test.ParcoursTest;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The default: only the people configured, and no demo account at all. */
@ParcoursTest
class WithoutDemoAccountsIT {

	private static final String PASSWORD = "correct horse battery staple";

	@DynamicPropertySource
	static void onePerson(DynamicPropertyRegistry properties) {
		properties.add("parcours.auth.users[0].name", () -> "camille.martin");
		properties.add("parcours.auth.users[0].password", () -> new BCryptPasswordEncoder().encode(PASSWORD));
		properties.add("parcours.auth.users[0].roles", () -> "billing, ops");
	}

	@LocalServerPort
	int port;

	AuthServer server;

	@BeforeEach
	void connect() {
		server = new AuthServer(port);
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = "PARTNER", mode = EnumSource.Mode.EXCLUDE)
	void noDemoClientExists(Role role) {
		HttpResponse<String> response = server.clientCredentials(DemoAccounts.clientId(role),
				DemoAccounts.CLIENT_SECRET);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(AuthServer.json(response).path("error").asString()).isEqualTo("invalid_client");
	}

	@ParameterizedTest
	@EnumSource(value = Role.class, names = "PARTNER", mode = EnumSource.Mode.EXCLUDE)
	void noDemoPersonLogsIn(Role role) {
		HttpResponse<String> response = server.browser()
			.logIn(DemoAccounts.userName(role), DemoAccounts.password(role));

		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
	}

	@Test
	void aConfiguredPersonLogsInWithTheirRoles() throws ParseException {
		HttpResponse<String> response = server.browser().logInAndExchange("camille.martin", PASSWORD);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JWTClaimsSet claims = server.verify(AuthServer.json(response).path("access_token").asString());
		assertThat(claims.getSubject()).isEqualTo("camille.martin");
		assertThat(claims.getStringListClaim("roles")).containsExactly("billing", "ops");
	}

}
