package care.parcours.platform.consumer;

import care.parcours.events.EventEnvelope;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The record of which events a consumer group has handled. */
class HandledEvents {

	private final JdbcClient jdbc;

	HandledEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the event as handled by {@code consumer}, within the caller's transaction.
	 * @return {@code false} when it was handled before, and must not be handled again
	 */
	boolean recordFirstDelivery(String consumer, EventEnvelope envelope) {
		return jdbc.sql("""
				insert into parcours_platform.handled_event (consumer, event_id, event_type)
				values (:consumer, :id, :type) on conflict do nothing
				""")
			.param("consumer", consumer)
			.param("id", envelope.id())
			.param("type", envelope.type())
			.update() == 1;
	}

}
