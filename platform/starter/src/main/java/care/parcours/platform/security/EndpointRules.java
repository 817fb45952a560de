package care.parcours.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's access rules: which roles (and scopes) may call which of its endpoints.
 * Every service declares them as a bean; requests no rule matches are refused, so an
 * endpoint added without a rule is closed, not open.
 */
@FunctionalInterface
public interface EndpointRules {

	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

}
