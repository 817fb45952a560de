package care.parcours.scheduling.schedules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All schedules. */
@Repository
public class Schedules {

	private final JdbcClient jdbc;

	Schedules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Opens a schedule unless the practitioner already has one. */
	void open(Schedule schedule) {
		jdbc.sql("""
				insert into schedule (practitioner_id, partner_id, time_zone, specialties, languages, opened_at)
				values (:practitionerId, :partnerId, :timeZone, :specialties, :languages, :openedAt)
				on conflict (practitioner_id) do nothing
				""")
			.param("practitionerId", schedule.practitionerId())
			.param("partnerId", schedule.partnerId())
			.param("timeZone", schedule.timeZone().getId())
			.param("specialties", schedule.specialties().toArray(String[]::new))
			.param("languages", schedule.languages().toArray(String[]::new))
			.param("openedAt", Timestamp.from(schedule.openedAt()))
			.update();
	}

	public Optional<Schedule> find(UUID practitionerId) {
		return jdbc.sql("""
				select practitioner_id, partner_id, time_zone, specialties, languages, opened_at
				from schedule where practitioner_id = ?
				""").param(practitionerId).query(Schedules::map).optional();
	}

	private static Schedule map(ResultSet rs, int row) throws SQLException {
		return new Schedule(rs.getObject("practitioner_id", UUID.class), rs.getObject("partner_id", UUID.class),
				ZoneId.of(rs.getString("time_zone")), Arrays.asList((String[]) rs.getArray("specialties").getArray()),
				Arrays.asList((String[]) rs.getArray("languages").getArray()),
				rs.getTimestamp("opened_at").toInstant());
	}

}
