package care.parcours.auth.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * What the authorization server signs with and publishes. Replaces Boot's defaults, which
 * would make a new key at every start and so invalidate every token issued before.
 */
@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

	/** Every accepted key: the JWK set endpoint publishes their public halves. */
	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return (selector, context) -> selector.select(keys.jwkSet());
	}

	/** Signs with the current key only, so that its {@code kid} is in every header. */
	@Bean
	JwtEncoder jwtEncoder(SigningKeys keys) {
		return new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(keys.current().jwk())));
	}

}
