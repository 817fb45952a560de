package care.parcours.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
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
			Map<String, Object> properties = Map.of("spring.datasource.url", database.jdbcUrl(),
					"spring.datasource.username", database.username(), "spring.datasource.password",
					database.password(), "spring.datasource.hikari.maximum-pool-size", "5",
					"spring.datasource.hikari.minimum-idle", "1", "spring.kafka.bootstrap-servers",
					TestKafka.bootstrapServers(), "spring.kafka.consumer.group-id", database.name(),
					"parcours.events.start-from-latest", "true", "parcours.test.database", database.name());
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("parcoursTest", properties));
		}

	}

}
