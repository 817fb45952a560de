package care.parcours.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts the caller's {@value CorrelationIds#HEADER} or makes one, returns it on the
 * response and keeps it current while the request is handled.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = CorrelationIds.acceptOrGenerate(request.getHeader(CorrelationIds.HEADER));
		response.setHeader(CorrelationIds.HEADER, id);
		try (CorrelationIds.Scope ignored = CorrelationIds.open(id)) {
			chain.doFilter(request, response);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
