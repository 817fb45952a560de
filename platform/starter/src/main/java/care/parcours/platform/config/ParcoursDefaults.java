package care.parcours.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code META-INF/parcours/defaults.properties} as the lowest-precedence property
 * source, so that every service shares one set of defaults instead of copying it, and can
 * still override any of them in its own {@code application.yml}.
 */
public class ParcoursDefaults implements EnvironmentPostProcessor {

	static final String LOCATION = "META-INF/parcours/defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource("parcoursDefaults", new ClassPathResource(LOCATION)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + LOCATION, ex);
		}
	}

}
