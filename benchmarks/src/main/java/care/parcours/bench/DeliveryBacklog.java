package care.parcours.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Deliveries written straight into partner-service's queue, due a moment later, so that
 * the dispatcher alone is measured: how fast it drains a backlog to the endpoints of the
 * given partners, without the Kafka consumer that feeds it in production setting the
 * pace. Each message is shaped as the service shapes them; its {@code timestamp} is the
 * moment it falls due, so that receivers measure the time from due to arrival.
 */
final class DeliveryBacklog {

	private DeliveryBacklog() {
	}

	/**
	 * Queues {@code perEndpoint} deliveries for each endpoint of the partners, due in
	 * {@code in}.
	 */
	static int queue(Connection connection, List<UUID> partners, int perEndpoint, Duration in) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"""
						with due as (select now() + make_interval(secs => ?) as at)
						insert into webhook_delivery (id, endpoint_id, event_id, event_type, aggregate_id, payload, status,
						                              attempts, next_attempt_at, created_at)
						select gen_random_uuid(), e.id, m.event_id::text, 'scheduling.appointment.booked.v1', m.appointment::text,
						       json_build_object('type', 'scheduling.appointment.booked.v1',
						                         'timestamp', to_char(due.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
						                         'subject', m.appointment, 'aggregateVersion', 0,
						                         'data', json_build_object('appointmentId', m.appointment,
						                                                   'partnerId', e.partner_id,
						                                                   'mode', 'IN_PERSON',
						                                                   'appointmentType', 'consultation'))::text,
						       'PENDING', 0, due.at, due.at
						from due, webhook_endpoint e
						cross join lateral (select gen_random_uuid() as event_id, gen_random_uuid() as appointment, g
						                    from generate_series(1, ?) g where e.id is not null) m
						where e.partner_id = any(cast(? as uuid[]))
						""")) {
			insert.setDouble(1, in.toMillis() / 1000.0);
			insert.setInt(2, perEndpoint);
			insert.setArray(3, connection.createArrayOf("text", partners.stream().map(UUID::toString).toArray()));
			return insert.executeUpdate();
		}
	}

	/**
	 * From being recorded to being delivered, for the partners' deliveries recorded
	 * since.
	 */
	static String recordedToDelivered(Connection connection, List<UUID> partners, Instant since) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("""
				select percentile_cont(array[0.5, 0.95, 0.99]) within group (
				           order by extract(epoch from d.delivered_at - d.created_at) * 1000),
				       count(*)
				from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
				where e.partner_id = any(cast(? as uuid[])) and d.status = 'DELIVERED' and d.created_at >= ?
				""")) {
			query.setArray(1, connection.createArrayOf("text", partners.stream().map(UUID::toString).toArray()));
			query.setTimestamp(2, Timestamp.from(since));
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				Double[] p = (Double[]) rs.getArray(1).getArray();
				return String.format("p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (%d deliveries)", p[0], p[1], p[2],
						rs.getLong(2));
			}
		}
	}

}
