package care.parcours.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import care.parcours.platform.problem.ProblemTypes;
import care.parcours.platform.web.CorrelationIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem details, like every other error of a service. The detail says
 * what the client can do about it and never why a token failed in a way that would help
 * forge one.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		boolean invalidToken = failure instanceof InvalidBearerTokenException
				|| request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"parcours\"");
		write(request, response, HttpStatus.UNAUTHORIZED, invalidToken ? "invalid-token" : "unauthorized",
				invalidToken ? "The bearer token is invalid, expired or revoked: get a new one."
						: "This endpoint needs a bearer token.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
		write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this request.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ProblemTypes.of(slug).toString());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.put("correlationId", CorrelationIds.current());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
