package care.parcours.platform.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * What happens to a request no rule names. An endpoint of the service without a rule is
 * refused, so that forgetting a rule closes it rather than opening it. A path where the
 * service has no endpoint at all is let through for an authenticated caller, so that it
 * gets the honest 404 rather than a 403 that suggests something is there.
 */
class EndpointsWithoutRules implements AuthorizationManager<RequestAuthorizationContext> {

	private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

	private final AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();

	EndpointsWithoutRules(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Override
	public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
			RequestAuthorizationContext context) {
		if (isEndpoint(context.getRequest())) {
			return new AuthorizationDecision(false);
		}
		Authentication caller = authentication.get();
		return new AuthorizationDecision(caller != null && trust.isAuthenticated(caller));
	}

	private boolean isEndpoint(HttpServletRequest request) {
		// Matching leaves attributes on the request; the shield keeps them from the real
		// dispatch that follows.
		HttpServletRequest shielded = new AttributeShield(request);
		ServletRequestPathUtils.parseAndCache(shielded);
		List<RequestMappingInfoHandlerMapping> candidates = this.mappings.orderedStream().toList();
		for (RequestMappingInfoHandlerMapping mapping : candidates) {
			try {
				if (mapping.getHandler(shielded) != null) {
					return true;
				}
			}
			catch (Exception ex) {
				// The path is mapped, with another method or media type: an endpoint all
				// the same.
				return true;
			}
		}
		return false;
	}

	private static final class AttributeShield extends HttpServletRequestWrapper {

		private final Map<String, @Nullable Object> attributes = new HashMap<>();

		AttributeShield(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return this.attributes.containsKey(name) ? this.attributes.get(name) : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.put(name, null);
		}

	}

}
