package care.parcours.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every {@link ParcoursTest} at its own new database and at the shared Kafka
 * broker. The customizer is keyed by test class, so each class boots its own context and
 * database; {@code spring.properties} keeps the context cache small to bound open
 * connections.
 */
class ParcoursTestContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		Class<?> topLevel = testClass;
		while (topLevel.getEnclosingClass() != null) {
			topLevel = topLevel.getEnclosingClass();
		}
		if (!MergedAnnotations.from(topLevel, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.isPresent(ParcoursTest.class)) {
			return null;
		}
		return new InfrastructureCustomizer(topLevel.getName());
	}

	private record InfrastructureCustomizer(String testClass) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestPostgres.Database database = TestPostgres
				.createDatabase(testClass.substring(testClass.lastIndexOf('.') + 1));
			Map<String, Object> properties = Map.ofEntries(Map.entry("spring.datasource.url", database.jdbcUrl()),
					Map.entry("spring.datasource.username", database.username()),
					Map.entry("spring.datasource.password", database.password()),
					Map.entry("spring.datasource.hikari.maximum-pool-size", "5"),
					Map.entry("spring.datasource.hikari.minimum-idle", "1"),
					Map.entry("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers()),
					Map.entry("spring.kafka.consumer.group-id", database.name()),
					Map.entry("parcours.events.start-from-latest", "true"),
					Map.entry("parcours.test.database", database.name()),
					Map.entry("parcours.security.issuer", TestTokens.ISSUER),
					Map.entry("parcours.security.public-key", TestTokens.publicKeyPem()));
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("parcoursTest", properties));
			// Tests call as staff holding every role unless they say otherwise: a
			// request's
			// own Authorization header replaces this one.
			// Every answer received is checked against the service's committed OpenAPI
			// document.
			String bearer = TestTokens.defaultBearer();
			ApiAnswerValidation validation = new ApiAnswerValidation(context.getEnvironment());
			context.getBeanFactory()
				.registerSingleton("parcoursTestCaller",
						(RestTestClientBuilderCustomizer) (builder) -> builder
							.defaultHeader(HttpHeaders.AUTHORIZATION, bearer)
							.requestInterceptor(validation));
		}

	}

}
