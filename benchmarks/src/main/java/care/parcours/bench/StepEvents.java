package care.parcours.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import care.parcours.events.EventCatalog;
import care.parcours.events.scheduling.AppointmentBooked;
import care.parcours.events.scheduling.AppointmentCompleted;

/**
 * Scheduling's news of appointments, put on {@code parcours.scheduling.v1} as
 * scheduling-service's outbox puts them (through {@link Seeder}): for each step an
 * appointment booked (its version 1) then completed (version 2), keyed by the
 * appointment. Made for the step, the events carry {@code stepId} and the envelope the
 * pathway's id, and patient-service folds them into the step and the pathway's timeline;
 * made for no pathway, the same events are only recorded as handled. The consumer's pace
 * is read where it records each event it handled
 * ({@code parcours_platform.handled_event}, stamped by its transaction's start).
 */
final class StepEvents {

	static final List<String> TYPES = List.of(EventCatalog.typeOf(AppointmentBooked.class),
			EventCatalog.typeOf(AppointmentCompleted.class));

	private static final UUID PRACTITIONER = UUID.randomUUID();

	private static final UUID PARTNER = UUID.randomUUID();

	private StepEvents() {
	}

	/** A step of a seeded pathway. */
	record Step(UUID pathwayId, UUID patientId, UUID stepId) {

	}

	/**
	 * Publishes two events per step, with the step and its pathway when
	 * {@code forPathways}, else without either.
	 * @return how many
	 */
	static int publish(Seeder kafka, List<Step> steps, boolean forPathways) {
		Instant start = Instant.now().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.HOURS);
		for (Step step : steps) {
			UUID appointment = UUID.randomUUID();
			UUID stepId = forPathways ? step.stepId() : null;
			UUID pathwayId = forPathways ? step.pathwayId() : null;
			kafka.publish(
					new AppointmentBooked(appointment, PRACTITIONER, PARTNER, step.patientId(), start,
							start.plus(Duration.ofMinutes(30)), "IN_PERSON", "consultation", null, stepId),
					appointment, 1, pathwayId);
			kafka.publish(new AppointmentCompleted(appointment, PRACTITIONER, PARTNER, step.patientId(),
					start.plus(Duration.ofMinutes(30)), stepId), appointment, 2, pathwayId);
		}
		kafka.flush();
		return 2 * steps.size();
	}

	/** The database's clock now: what handled events are stamped with. */
	static Instant now(Connection db) throws SQLException {
		try (PreparedStatement query = db.prepareStatement("select clock_timestamp()");
				ResultSet rs = query.executeQuery()) {
			rs.next();
			return rs.getTimestamp(1).toInstant();
		}
	}

	/** How many of these events the consumer handled since, first and last stamped. */
	record Handled(long count, Instant first, Instant last) {

		Duration span() {
			return Duration.between(first, last);
		}

	}

	static Handled handledSince(Connection db, Instant since) throws SQLException {
		try (PreparedStatement query = db.prepareStatement("""
				select count(*), min(handled_at), max(handled_at) from parcours_platform.handled_event
				where event_type = any(?) and handled_at >= ?
				""")) {
			query.setArray(1, db.createArrayOf("text", TYPES.toArray()));
			query.setTimestamp(2, Timestamp.from(since));
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				Timestamp first = rs.getTimestamp(2);
				Timestamp last = rs.getTimestamp(3);
				return new Handled(rs.getLong(1), first == null ? since : first.toInstant(),
						last == null ? since : last.toInstant());
			}
		}
	}

	/** What the fold left: the steps done and the timeline's entries for them. */
	static String folded(Connection db, List<Step> steps) throws SQLException {
		try (PreparedStatement query = db.prepareStatement("""
				select (select count(*) from pathway_step where id = any(?) and status = 'DONE'),
				       (select count(*) from pathway_timeline_entry where step_id = any(?) and applied)
				""")) {
			java.sql.Array ids = db.createArrayOf("uuid", steps.stream().map(Step::stepId).toArray());
			query.setArray(1, ids);
			query.setArray(2, ids);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return "%,d of %,d steps DONE, %,d timeline entries applied".formatted(rs.getLong(1), steps.size(),
						rs.getLong(2));
			}
		}
	}

}
