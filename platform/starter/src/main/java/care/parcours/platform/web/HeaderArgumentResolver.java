package care.parcours.platform.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controller methods take the type of any {@link HeaderArgument} bean. */
class HeaderArgumentResolver implements HandlerMethodArgumentResolver {

	private final List<HeaderArgument<?>> arguments;

	HeaderArgumentResolver(List<HeaderArgument<?>> arguments) {
		this.arguments = List.copyOf(arguments);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return arguments.stream().anyMatch((argument) -> argument.type() == parameter.getParameterType());
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
		HeaderArgument<?> argument = arguments.stream()
			.filter((candidate) -> candidate.type() == parameter.getParameterType())
			.findFirst()
			.orElseThrow();
		// An optional header's reader may answer null when it is absent: the handler gets
		// null.
		return argument.read().apply(request);
	}

}
