package care.parcours.partner.deliveries;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.tracing.DeferredTracing;
import care.parcours.platform.tracing.StoredTraceContext;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All webhook deliveries and their attempts. The queue of an endpoint is ordered by
 * position; a delivery is claimable when it is due and the head of its aggregate's queue
 * on that endpoint.
 * <p>
 * A change of one delivery is decided by {@link Delivery} and stored here only if the row
 * is still as it was read: a claimed delivery by its claim, a dead letter by when it
 * died. Fanning out and claiming stay single statements over many deliveries: they create
 * rows and reserve them, and change no delivery's status.
 */
@Repository
class Deliveries {

	private static final String COLUMNS = """
			id, endpoint_id, event_id, event_type, aggregate_id, status, attempts, next_attempt_at, last_status_code,
			last_latency_ms, last_error, created_at, delivered_at, dead_at""";

	private final JdbcClient jdbc;

	private final DeferredTracing tracing;

	Deliveries(JdbcClient jdbc, DeferredTracing tracing) {
		this.jdbc = jdbc;
		this.tracing = tracing;
	}

	/** How many deliveries are dead letters, waiting for a replay. */
	long dead() {
		return jdbc.sql("select count(*) from webhook_delivery where status = 'DEAD'").query(Long.class).single();
	}

	/**
	 * Records the event for every enabled endpoint of the partners it concerns that
	 * subscribed to its type; an event recorded before is not recorded again.
	 * @return how many deliveries were created
	 */
	int fanOut(String eventId, String eventType, String aggregateId, String payload, Collection<UUID> partnerIds,
			Instant now) {
		// The consumer span of the event: each attempt continues it.
		StoredTraceContext trace = tracing.capture();
		return jdbc.sql("""
				insert into webhook_delivery (id, endpoint_id, event_id, event_type, aggregate_id, payload, status,
				                              attempts, next_attempt_at, created_at, traceparent, tracestate)
				select gen_random_uuid(), e.id, :eventId, :type, :aggregateId, :payload, 'PENDING', 0, :now, :now,
				       cast(:traceparent as text), cast(:tracestate as text)
				from webhook_endpoint e
				where e.partner_id = any(cast(:partners as uuid[])) and e.enabled and :type = any(e.event_types)
				order by e.id
				on conflict (event_id, endpoint_id) do nothing
				""")
			.param("eventId", eventId)
			.param("type", eventType)
			.param("aggregateId", aggregateId)
			.param("payload", payload)
			.param("partners", partnerIds.stream().map(UUID::toString).toArray(String[]::new))
			.param("now", Timestamp.from(now))
			.param("traceparent", trace.traceparent())
			.param("tracestate", trace.tracestate())
			.update();
	}

	/**
	 * Reserves due deliveries, at most {@code perEndpoint} in flight per endpoint, one
	 * per aggregate and endpoint, the longest waiting first. Call in a transaction in
	 * which no other dispatcher claims (the dispatcher's lock).
	 */
	List<Delivery.Claimed> claim(Instant now, Duration lease, int perEndpoint, int batch) {
		UUID claim = UUID.randomUUID();
		return jdbc.sql("""
				with in_flight as (
				    select endpoint_id, count(*) as n from webhook_delivery
				    where status = 'PENDING' and locked_until > :now group by endpoint_id
				), heads as (
				    select distinct on (endpoint_id, aggregate_id) id, endpoint_id, position, next_attempt_at,
				           locked_until
				    from webhook_delivery where status = 'PENDING'
				    order by endpoint_id, aggregate_id, position
				), ready as (
				    select h.id, h.endpoint_id, h.position, h.next_attempt_at,
				           row_number() over (partition by h.endpoint_id order by h.next_attempt_at, h.position) as rank
				    from heads h join webhook_endpoint e on e.id = h.endpoint_id and e.enabled
				    where h.next_attempt_at <= :now and (h.locked_until is null or h.locked_until <= :now)
				), chosen as (
				    select r.id from ready r left join in_flight f on f.endpoint_id = r.endpoint_id
				    where r.rank <= :perEndpoint - coalesce(f.n, 0)
				    order by r.rank, r.next_attempt_at, r.position
				    limit :batch
				)
				update webhook_delivery d set locked_until = :leaseUntil, claim = :claim
				from chosen c where d.id = c.id
				returning d.*
				""")
			.param("now", Timestamp.from(now))
			.param("perEndpoint", perEndpoint)
			.param("batch", batch)
			.param("leaseUntil", Timestamp.from(now.plus(lease)))
			.param("claim", claim)
			.query((rs, row) -> new Delivery.Claimed(map(rs, row), rs.getString("payload"),
					rs.getObject("claim", UUID.class),
					new StoredTraceContext(rs.getString("traceparent"), rs.getString("tracestate"))))
			.list();
	}

	/**
	 * Stores a claimed delivery after its attempt, and logs the attempt, unless its claim
	 * lapsed and another dispatcher took it over.
	 */
	void save(Delivery.Claimed claimed, Delivery.Attempted attempted) {
		if (update(attempted.delivery(), "claim = :claim", "claim", claimed.claim())) {
			AttemptResult result = attempted.result();
			jdbc.sql("""
					insert into webhook_attempt (delivery_id, number, attempted_at, outcome, status_code, latency_ms,
					                             error)
					select :id, coalesce(max(number), 0) + 1, :at, :outcome, cast(:status as integer), :latency,
					       cast(:error as text)
					from webhook_attempt where delivery_id = :id
					""")
				.param("id", claimed.delivery().id())
				.param("at", Timestamp.from(attempted.at()))
				.param("outcome", result.outcome().name())
				.param("status", result.statusCode())
				.param("latency", (int) Math.min(Integer.MAX_VALUE, result.latencyMillis()))
				.param("error", result.error())
				.update();
		}
	}

	/** Stores a claimed delivery given back untried, unless its claim lapsed. */
	void save(Delivery.Claimed claimed, Delivery postponed) {
		update(postponed, "claim = :claim", "claim", claimed.claim());
	}

	/**
	 * Stores a replayed delivery, unless it is no longer the dead letter it was read as.
	 * @return whether it was stored
	 */
	boolean saveReplayed(Delivery dead, Delivery replayed) {
		return update(replayed, "status = 'DEAD' and dead_at = :wasDeadAt", "wasDeadAt",
				Timestamp.from(Objects.requireNonNull(dead.deadAt())));
	}

	/**
	 * Writes what the delivery became and releases its claim, if the row is as expected.
	 */
	private boolean update(Delivery delivery, String expected, String name, Object value) {
		return jdbc.sql("""
				update webhook_delivery set status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt,
				  last_status_code = :lastStatusCode, last_latency_ms = :lastLatencyMillis, last_error = :lastError,
				  delivered_at = :deliveredAt, dead_at = :deadAt, locked_until = null, claim = null
				where id = :id and\s""" + expected)
			.param("status", delivery.status().name())
			.param("attempts", delivery.attempts())
			.param("nextAttemptAt", Timestamp.from(delivery.nextAttemptAt()))
			.param("lastStatusCode", delivery.lastStatusCode())
			.param("lastLatencyMillis", delivery.lastLatencyMillis())
			.param("lastError", delivery.lastError())
			.param("deliveredAt", timestamp(delivery.deliveredAt()))
			.param("deadAt", timestamp(delivery.deadAt()))
			.param("id", delivery.id())
			.param(name, value)
			.update() == 1;
	}

	/** The endpoint's dead letters, oldest first. */
	List<Delivery> deadOf(UUID endpointId) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from webhook_delivery where endpoint_id = ? and status = 'DEAD' order by position")
			.param(endpointId)
			.query(Deliveries::map)
			.list();
	}

	Optional<Delivery> find(UUID endpointId, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from webhook_delivery where endpoint_id = ? and id = ?")
			.params(endpointId, id)
			.query(Deliveries::map)
			.optional();
	}

	List<Delivery.Attempt> attemptsOf(UUID id) {
		return jdbc.sql("""
				select number, attempted_at, outcome, status_code, latency_ms, error
				from webhook_attempt where delivery_id = ? order by number
				""")
			.param(id)
			.query((rs, n) -> new Delivery.Attempt(rs.getInt("number"), rs.getTimestamp("attempted_at").toInstant(),
					AttemptOutcome.valueOf(rs.getString("outcome")), (Integer) rs.getObject("status_code"),
					rs.getLong("latency_ms"), rs.getString("error")))
			.list();
	}

	/** The endpoint's log, newest first, of one status or all. */
	Page<Delivery> ofEndpoint(UUID endpointId, @Nullable DeliveryStatus status, PageQuery query) {
		String filter = status == null ? "" : " and status = '" + status.name() + "'";
		List<Delivery> content = jdbc
			.sql("select " + COLUMNS + " from webhook_delivery where endpoint_id = ?" + filter
					+ " order by position desc limit ? offset ?")
			.params(endpointId, query.size(), query.offset())
			.query(Deliveries::map)
			.list();
		long total = jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ?" + filter)
			.param(endpointId)
			.query(Long.class)
			.single();
		return Page.of(content, query, total);
	}

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), rs.getObject("endpoint_id", UUID.class),
				rs.getString("event_id"), rs.getString("event_type"), rs.getString("aggregate_id"),
				DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				rs.getTimestamp("next_attempt_at").toInstant(), (Integer) rs.getObject("last_status_code"),
				(Integer) rs.getObject("last_latency_ms"), rs.getString("last_error"),
				rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("delivered_at")),
				instant(rs.getTimestamp("dead_at")));
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
