package care.parcours.platform.web;

import java.util.List;

import care.parcours.platform.domain.ExpectedVersion;
import org.apache.catalina.core.StandardHost;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Correlation ids, body size limits, pagination, {@code If-Match} and other
 * {@link HeaderArgument}s for every servlet service.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HttpProperties.class)
public class WebConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<HeaderArgument<?>> headerArguments;

	WebConfiguration(ObjectProvider<HeaderArgument<?>> headerArguments) {
		this.headerArguments = headerArguments;
	}

	@Bean
	FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
		FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
				new CorrelationIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpProperties properties) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(properties.maxBodySize()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	RequestBodySizes requestBodySizes() {
		return new RequestBodySizes();
	}

	@Bean
	TomcatContextCustomizer problemErrorReports() {
		return (context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		};
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageQueryArgumentResolver());
		resolvers.add(new HeaderArgumentResolver(headerArguments.orderedStream().toList()));
	}

	/**
	 * Apart from the configuration that reads the header arguments: an injection point
	 * does not see the beans of its own configuration when others match.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PlatformHeaderArguments {

		@Bean
		HeaderArgument<ExpectedVersion> ifMatch() {
			return IfMatch.ARGUMENT;
		}

	}

}
