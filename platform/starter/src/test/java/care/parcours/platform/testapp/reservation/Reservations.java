package care.parcours.platform.testapp.reservation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.outbox.Outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * All reservations, each change written with its events (through the outbox, in the
 * caller's transaction). An update is checked by version: a row changed since it was read
 * is refused, never overwritten.
 */
@Repository
class Reservations {

	private static final String COLUMNS = "id, thing_id, day, status, version, placed_at";

	private final JdbcClient jdbc;

	private final Outbox outbox;

	Reservations(JdbcClient jdbc, Outbox outbox) {
		this.jdbc = jdbc;
		this.outbox = outbox;
	}

	/** Adds a reservation; the database refuses a day already taken. */
	void add(Reservation.Change placed) {
		Reservation reservation = placed.reservation();
		jdbc.sql("""
				insert into reservation (id, thing_id, day, status, version, placed_at)
				values (:id, :thingId, :day, :status, :version, :placedAt)
				""")
			.param("id", reservation.id())
			.param("thingId", reservation.thingId())
			.param("day", reservation.day())
			.param("status", reservation.status().name())
			.param("version", reservation.version())
			.param("placedAt", Timestamp.from(reservation.placedAt()))
			.update();
		announce(placed);
	}

	/**
	 * Writes a changed reservation over the version it was read at.
	 * @throws StaleVersion when someone changed it in between
	 */
	void save(Reservation.Change change) {
		Reservation changed = change.reservation();
		int updated = jdbc
			.sql("update reservation set status = :status, version = :version "
					+ "where id = :id and version = :version - 1")
			.param("status", changed.status().name())
			.param("version", changed.version())
			.param("id", changed.id())
			.update();
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Reservation " + changed.id());
		}
		announce(change);
	}

	Optional<Reservation> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from reservation where id = ?")
			.param(id)
			.query(Reservations::map)
			.optional();
	}

	/** The two days nearest the wanted one that are still free, within three days. */
	List<LocalDate> freeDaysAround(UUID thingId, LocalDate wanted) {
		return jdbc.sql("""
				select day::date from generate_series(:day::date - 3, :day::date + 3, interval '1 day') as day
				where day::date not in (select day from reservation where thing_id = :thingId and status = 'PLACED')
				order by abs(day::date - :day::date), day limit 2
				""").param("day", wanted).param("thingId", thingId).query(LocalDate.class).list();
	}

	private void announce(Reservation.Change change) {
		Reservation reservation = change.reservation();
		change.events().forEach(event -> outbox.publish(event, reservation.id(), reservation.version()));
	}

	private static Reservation map(ResultSet rs, int row) throws SQLException {
		return new Reservation(rs.getObject("id", UUID.class), rs.getObject("thing_id", UUID.class),
				rs.getObject("day", LocalDate.class), Reservation.Status.valueOf(rs.getString("status")),
				rs.getLong("version"), rs.getTimestamp("placed_at").toInstant());
	}

}
