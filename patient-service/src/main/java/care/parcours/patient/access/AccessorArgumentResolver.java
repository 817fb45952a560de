package care.parcours.patient.access;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets controller methods take the {@link Accessor} of the request: the authenticated
 * caller with the purpose declared in {@value AccessPurpose#HEADER}, an unknown purpose
 * refused with 400 naming the header.
 */
class AccessorArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Accessor.class;
	}

	@Override
	public Accessor resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
		// Repeated headers joined as @RequestHeader joins them, so two purposes stay
		// refused.
		String[] values = request.getHeaderValues(AccessPurpose.HEADER);
		return Accessor.current(values == null ? null : String.join(",", values));
	}

}
