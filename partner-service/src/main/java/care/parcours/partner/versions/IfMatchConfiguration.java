package care.parcours.partner.versions;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.problem.ProblemTypes;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves {@link ExpectedVersion} parameters from {@code If-Match}. An edit without one
 * is refused with 428 (RFC 6585): the client must say which version it edits, or it would
 * silently overwrite someone else's change.
 */
@Configuration(proxyBeanMethods = false)
class IfMatchConfiguration implements WebMvcConfigurer {

	/** One strong entity tag holding a version, as our {@code ETag}s are. */
	private static final Pattern VERSION_TAG = Pattern.compile("^\\s*\"?([0-9]{1,18})\"?\\s*$");

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new IfMatchResolver());
	}

	private static final class IfMatchResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == ExpectedVersion.class;
		}

		@Override
		public ExpectedVersion resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
				NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
			String header = request.getHeader(HttpHeaders.IF_MATCH);
			// "*" matches any version: it would disable the check the header is for.
			if (header == null || header.isBlank() || header.strip().equals("*")) {
				throw preconditionRequired();
			}
			Matcher matcher = VERSION_TAG.matcher(header);
			if (!matcher.matches()) {
				throw InvalidRequestException.ofField(HttpHeaders.IF_MATCH,
						"must be the ETag of the version you edit, such as \"3\"");
			}
			return new ExpectedVersion(Long.parseLong(matcher.group(1)));
		}

		private static ErrorResponseException preconditionRequired() {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
					"Edits need If-Match with the ETag of the version you read, such as If-Match: \"3\".");
			problem.setType(ProblemTypes.of("precondition-required"));
			problem.setTitle("Precondition Required");
			return new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
		}

	}

}
