package care.parcours.patient.access;

import care.parcours.platform.web.HeaderArgument;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Controller methods take the {@link Accessor} of the request rather than each reading
 * {@value AccessPurpose#HEADER}: the authenticated caller with the purpose they declared,
 * an unknown purpose refused with 400 naming the header. The API document shows the
 * optional header on every operation that takes one.
 */
@Configuration(proxyBeanMethods = false)
class AccessorArguments {

	/** Before the platform's {@code If-Match}, where the header parameter stood. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	HeaderArgument<Accessor> accessorArgument() {
		return new HeaderArgument<>(Accessor.class, AccessPurpose.HEADER, false, AccessPurpose.DESCRIPTION,
				(request) -> Accessor.current(joined(request.getHeaderValues(AccessPurpose.HEADER))));
	}

	/**
	 * Repeated headers joined as {@code @RequestHeader} joins them: two purposes are
	 * refused.
	 */
	private static @Nullable String joined(String @Nullable [] values) {
		return values == null ? null : String.join(",", values);
	}

}
