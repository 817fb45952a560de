package care.parcours.security;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RsaPublicKeysTests {

	@Test
	void readsAPemBlockWithRealOrEscapedLineBreaks() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
		String body = Base64.getMimeEncoder().encodeToString(key.getEncoded());
		String pem = "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";

		assertThat(RsaPublicKeys.parse(pem)).isEqualTo(key);
		// As an environment variable set on one line often carries it.
		assertThat(RsaPublicKeys.parse(pem.replace("\r\n", "\\n").replace("\n", "\\n"))).isEqualTo(key);
	}

	@Test
	void somethingElseIsRefusedWithoutEchoingIt() {
		assertThatIllegalStateException().isThrownBy(() -> RsaPublicKeys.parse("-----BEGIN PUBLIC KEY-----\nsecret"))
			.withMessageNotContaining("secret");
	}

}
