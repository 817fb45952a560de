package care.parcours.scheduling.slots;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.scheduling.availability.AppointmentType;
import care.parcours.scheduling.availability.Mode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The practitioners and appointment types a query can match, found with one indexed query
 * on the schedules and the local copy of the partner directory.
 */
@Repository
class SlotCandidates {

	private final JdbcClient jdbc;

	SlotCandidates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A practitioner and one of its appointment types that match a query. */
	record Candidate(UUID practitionerId, AppointmentType type) {

	}

	List<Candidate> find(SlotQuery query) {
		StringBuilder sql = new StringBuilder("""
				select s.practitioner_id, t.code, t.duration_minutes, t.modes
				from schedule s
				join appointment_type t on t.practitioner_id = s.practitioner_id
				left join partner p on p.id = s.partner_id
				where t.modes && ?::text[] and p.suspended is not true
				""");
		List<Object> params = new ArrayList<>();
		params.add(query.modes().stream().map(Mode::name).toArray(String[]::new));
		if (query.specialty() != null) {
			sql.append(" and s.specialties @> array[?::text]");
			params.add(query.specialty());
		}
		if (query.language() != null) {
			sql.append(" and s.languages @> array[?::text]");
			params.add(query.language());
		}
		if (query.partnerId() != null) {
			sql.append(" and exists (select 1 from practitioner_partner m"
					+ " where m.practitioner_id = s.practitioner_id and m.partner_id = ?)");
			params.add(query.partnerId());
		}
		if (query.practitionerId() != null) {
			sql.append(" and s.practitioner_id = ?");
			params.add(query.practitionerId());
		}
		if (query.country() != null) {
			sql.append(" and p.country = ?");
			params.add(query.country());
		}
		if (query.city() != null) {
			sql.append(" and lower(p.city) = lower(?)");
			params.add(query.city());
		}
		if (query.appointmentType() != null) {
			sql.append(" and t.code = ?");
			params.add(query.appointmentType());
		}
		if (query.durationMinutes() != null) {
			sql.append(" and t.duration_minutes = ?");
			params.add(query.durationMinutes());
		}
		return jdbc.sql(sql.toString()).params(params).query(SlotCandidates::map).list();
	}

	private static Candidate map(ResultSet rs, int row) throws SQLException {
		Set<Mode> modes = EnumSet.noneOf(Mode.class);
		Arrays.stream((String[]) rs.getArray(4).getArray()).map(Mode::valueOf).forEach(modes::add);
		return new Candidate(rs.getObject(1, UUID.class),
				new AppointmentType(rs.getString(2), Duration.ofMinutes(rs.getInt(3)), modes));
	}

}
