package care.parcours.patient.access;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Controller methods take an {@link Accessor} rather than each reading
 * {@value AccessPurpose#HEADER}; the API document shows the optional header on every
 * operation that does.
 */
@Configuration(proxyBeanMethods = false)
class AccessorArguments implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new AccessorArgumentResolver());
	}

	/**
	 * First of the customizers, so that the header stands where a {@code @RequestHeader}
	 * parameter stood: before {@code If-Match} and paging, which the platform adds.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	OperationCustomizer accessPurposeHeader() {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Accessor.class);
		return (operation, handler) -> {
			if (Arrays.stream(handler.getMethodParameters())
				.anyMatch((parameter) -> parameter.getParameterType() == Accessor.class)) {
				operation.addParametersItem(new HeaderParameter().name(AccessPurpose.HEADER)
					.required(false)
					.description(AccessPurpose.DESCRIPTION)
					.schema(new StringSchema()));
			}
			return operation;
		};
	}

}
