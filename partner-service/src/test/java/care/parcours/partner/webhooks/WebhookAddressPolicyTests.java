package care.parcours.partner.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import care.parcours.platform.domain.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookAddressPolicyTests {

	/** Names as a DNS would answer them, so that no test depends on the network. */
	private static final Map<String, String> DNS = Map.of("hooks.clinique.example", "93.184.215.14", "sneaky.example",
			"10.1.2.3", "metadata.example", "169.254.169.254", "localhost", "127.0.0.1", "v6.example",
			"2606:2800:220:1:248:1893:25c8:1946");

	private static final WebhookAddressPolicy.Resolver RESOLVER = host -> {
		String address = DNS.getOrDefault(host, host.matches("[0-9.]+|.*:.*") ? host : null);
		if (address == null) {
			throw new UnknownHostException(host);
		}
		return List.of(InetAddress.getByName(address));
	};

	private final WebhookAddressPolicy production = new WebhookAddressPolicy(false, RESOLVER);

	private final WebhookAddressPolicy local = new WebhookAddressPolicy(true, RESOLVER);

	@ParameterizedTest
	@ValueSource(strings = { "https://hooks.clinique.example/parcours", "https://93.184.215.14:8443/hook",
			"https://v6.example/hook", "https://[2606:2800:220:1:248:1893:25c8:1946]/hook" })
	void publicHttpsAddressesAreAccepted(String url) {
		assertThat(production.requireAcceptable(url)).isEqualTo(URI.create(url));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			http://hooks.clinique.example/parcours     | must use https
			https://sneaky.example/hook                | private
			https://metadata.example/latest/meta-data  | private
			https://10.0.0.5/hook                      | private
			https://172.20.1.1/hook                    | private
			https://192.168.1.10/hook                  | private
			https://100.64.0.1/hook                    | private
			https://198.18.0.1/hook                    | private
			https://0.0.0.0/hook                       | private
			https://[fd00::1]/hook                     | private
			https://[fe80::1]/hook                     | private
			https://[::ffff:10.0.0.1]/hook             | private
			https://[64:ff9b::a00:1]/hook              | private
			https://localhost/hook                     | private
			https://127.0.0.1/hook                     | private
			https://unknown.example/hook               | does not resolve
			ftp://hooks.clinique.example/parcours      | absolute https URL
			/relative/path                             | absolute https URL
			https://user:secret@hooks.clinique.example | credentials
			""")
	void otherAddressesAreRefusedNamingTheUrlField(String url, String reason) {
		assertThatThrownBy(() -> production.requireAcceptable(url)).isInstanceOf(InvalidRequestException.class)
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).properties().toString()).contains("url")
				.contains(reason));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:9000/hook", "http://localhost:9000/hook", "https://[::1]/hook" })
	void theLocalPlatformAcceptsLoopbackReceivers(String url) {
		assertThat(local.requireAcceptable(url)).isEqualTo(URI.create(url));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://93.184.215.14/hook", "http://10.0.0.5/hook", "https://10.0.0.5/hook" })
	void theLocalPlatformStillRefusesPlainHttpElsewhereAndPrivateAddresses(String url) {
		assertThatThrownBy(() -> local.requireAcceptable(url)).isInstanceOf(InvalidRequestException.class);
	}

}
