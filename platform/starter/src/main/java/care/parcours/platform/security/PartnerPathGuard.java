package care.parcours.platform.security;

import java.util.Map;

import care.parcours.platform.domain.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Partner isolation for every path that names a partner ({@code /…/{partnerId}/…}): a
 * partner client reaches only its own, and another partner's id answers 404 as if it did
 * not exist, so that ids cannot be probed. Endpoints added later are covered by naming
 * their variable {@code partnerId}.
 */
class PartnerPathGuard implements HandlerInterceptor {

	static final String VARIABLE = "partnerId";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
			return true;
		}
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
				&& variables.get(VARIABLE) instanceof String partner) {
			Caller caller = Caller.of(token);
			if (caller.isPartner() && !caller.partnerId().get().toString().equalsIgnoreCase(partner)) {
				throw new NotFoundException("partner-not-found", "No partner has the id " + partner + ".");
			}
		}
		return true;
	}

}
