package care.parcours.partner.webhooks;

import java.security.SecureRandom;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

	@Bean
	WebhookAddressPolicy webhookAddressPolicy(WebhookProperties properties) {
		return WebhookAddressPolicy.system(properties.allowLoopback());
	}

	@Bean
	SecureRandom webhookSecrets() {
		return new SecureRandom();
	}

}
