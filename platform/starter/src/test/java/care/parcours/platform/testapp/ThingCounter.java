package care.parcours.platform.testapp;

import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts every change it is told about: a redelivered event must not be counted twice.
 */
@Component
class ThingCounter implements EventHandler<ThingEvent.ThingChanged> {

	private final JdbcClient jdbc;

	ThingCounter(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void handle(ThingEvent.ThingChanged event, EventMetadata metadata) {
		jdbc.sql("""
				insert into thing_change_count (thing_id, changes, last_correlation_id, last_pathway_id)
				values (?, 1, ?, ?)
				on conflict (thing_id) do update set changes = thing_change_count.changes + 1,
				last_correlation_id = excluded.last_correlation_id, last_pathway_id = excluded.last_pathway_id
				""").params(event.thingId(), metadata.correlationId(), metadata.pathwayId()).update();
	}

}
