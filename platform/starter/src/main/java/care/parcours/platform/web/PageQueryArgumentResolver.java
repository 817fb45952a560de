package care.parcours.platform.web;

import care.parcours.platform.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets controller methods take a {@link PageQuery} built from {@code page} and
 * {@code size}.
 */
class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == PageQuery.class;
	}

	@Override
	public PageQuery resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
		return new PageQuery(number(request, "page", 0), number(request, "size", PageQuery.DEFAULT_SIZE));
	}

	private static int number(NativeWebRequest request, String name, int fallback) {
		String value = request.getParameter(name);
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw InvalidRequestException.naming("invalid-page", name, "'" + name + "' must be a whole number.");
		}
	}

}
