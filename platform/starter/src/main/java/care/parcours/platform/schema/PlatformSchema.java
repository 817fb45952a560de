package care.parcours.platform.schema;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates the {@value #SCHEMA} schema with its own Flyway history, so that the
 * platform's migrations never interleave with a service's version numbers. Runs when the
 * bean is created, before the outbox relay and the event consumers start.
 */
public class PlatformSchema {

	public static final String SCHEMA = "parcours_platform";

	public PlatformSchema(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.createSchemas(true)
			.table("flyway_platform_history")
			.locations("classpath:db/parcours-platform")
			.load()
			.migrate();
	}

}
