package care.parcours.partner.webhooks;

import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

	private static final WebhookSecret SPEC_SECRET = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

	@Test
	void signaturesReproduceTheStandardWebhooksTestVector() {
		String signature = WebhookSignature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}",
				List.of(SPEC_SECRET));

		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void duringARotationEitherSecretVerifiesTheMessage() {
		WebhookSecret next = WebhookSecret.generate(new SecureRandom());
		String header = WebhookSignature.sign("msg_1", 1700000000, "{}", List.of(next, SPEC_SECRET));

		assertThat(header.split(" ")).hasSize(2).allMatch(part -> part.startsWith("v1,"));
		assertThat(WebhookSignature.verify(header, "msg_1", 1700000000, "{}", next)).isTrue();
		assertThat(WebhookSignature.verify(header, "msg_1", 1700000000, "{}", SPEC_SECRET)).isTrue();
	}

	@Test
	void aChangedBodyTimestampOrIdNoLongerVerifies() {
		String header = WebhookSignature.sign("msg_1", 1700000000, "{\"a\":1}", List.of(SPEC_SECRET));

		assertThat(WebhookSignature.verify(header, "msg_1", 1700000000, "{\"a\":2}", SPEC_SECRET)).isFalse();
		assertThat(WebhookSignature.verify(header, "msg_1", 1700000001, "{\"a\":1}", SPEC_SECRET)).isFalse();
		assertThat(WebhookSignature.verify(header, "msg_2", 1700000000, "{\"a\":1}", SPEC_SECRET)).isFalse();
	}

	@Test
	void generatedSecretsFollowTheWhsecFormatAndNeverPrintThemselves() {
		WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

		assertThat(secret.value()).matches("whsec_[A-Za-z0-9+/]{32}");
		assertThat(secret.key()).hasSize(24);
		assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
	}

}
