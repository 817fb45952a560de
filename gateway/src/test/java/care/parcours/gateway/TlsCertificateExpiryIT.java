package care.parcours.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway given a TLS certificate (an SSL bundle, as gateway/README.md says) exports
 * how long until it expires, which the ParcoursCertificateExpiresSoon alert of
 * ops/prometheus/alerts.yml watches. The certificate is made here, valid for 30 days, by
 * the JDK's keytool: no key is kept in the repository.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// The management port takes the public port's TLS unless told otherwise;
		// Prometheus
		// scrapes it inside the network, in plain HTTP.
		properties = { "server.ssl.bundle=gateway", "management.server.ssl.enabled=false" })
class TlsCertificateExpiryIT {

	private static final String PASSWORD = "test-only";

	private static final Pattern EXPIRY = Pattern
		.compile("(?m)^ssl_chain_expiry_seconds\\{[^}]*bundle=\"gateway\"[^}]*} ([0-9.E+-]+)$");

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void tls(DynamicPropertyRegistry registry) {
		TestTokens.trustTestKeys(registry);
		Path keystore = keystoreValidFor(30);
		registry.add("spring.ssl.bundle.jks.gateway.keystore.location", () -> keystore.toUri().toString());
		registry.add("spring.ssl.bundle.jks.gateway.keystore.password", () -> PASSWORD);
		registry.add("spring.ssl.bundle.jks.gateway.keystore.type", () -> "PKCS12");
	}

	@Test
	void theCertificatesTimeLeftIsExportedForTheExpiryAlert() {
		String metrics = Scrape.metrics(this.managementPort);

		Matcher expiry = EXPIRY.matcher(metrics);
		assertThat(expiry.find()).as("ssl_chain_expiry_seconds of bundle gateway in %s", metrics).isTrue();
		double days = Double.parseDouble(expiry.group(1)) / 86_400;
		assertThat(days).as("days left of a certificate made for 30").isGreaterThan(29).isLessThanOrEqualTo(30);
	}

	private static Path keystoreValidFor(int days) {
		try {
			Path directory = Files.createTempDirectory("gateway-tls");
			Path keystore = directory.resolve("gateway.p12");
			Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
			Process process = new ProcessBuilder(
					List.of(keytool.toString(), "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname",
							"secp256r1", "-dname", "CN=localhost", "-validity", Integer.toString(days), "-storetype",
							"PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD))
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			assertThat(process.waitFor()).as("keytool: %s", output).isZero();
			return keystore;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
