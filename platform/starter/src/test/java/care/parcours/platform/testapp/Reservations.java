package care.parcours.platform.testapp;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.problem.ConstraintProblems;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Days things are reserved for; the database refuses a day taken twice, and the test
 * service's declared problems say so.
 */
@Component
public class Reservations {

	private final JdbcClient jdbc;

	Reservations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A thing wanted for a day. */
	public record Reservation(UUID thingId, LocalDate day) {

	}

	@Transactional
	public void reserve(Reservation reservation) {
		ConstraintProblems.attempting(reservation);
		jdbc.sql("insert into thing_reservation (thing_id, day) values (?, ?)")
			.params(reservation.thingId(), reservation.day())
			.update();
	}

	/** The two days nearest the wanted one that are still free, within three days. */
	List<String> freeDaysAround(Reservation wanted) {
		return jdbc.sql("""
				select day::date::text from generate_series(?::date - 3, ?::date + 3, interval '1 day') as day
				where day::date not in (select day from thing_reservation where thing_id = ?)
				order by abs(day::date - ?::date), day limit 2
				""").params(wanted.day(), wanted.day(), wanted.thingId(), wanted.day()).query(String.class).list();
	}

}
