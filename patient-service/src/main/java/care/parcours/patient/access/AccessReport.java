package care.parcours.patient.access;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import care.parcours.patient.PatientDataExport;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The access log's part of the export: who opened the patient's record, when, with which
 * roles, why and in which request, oldest first.
 */
@Component
class AccessReport implements PatientDataExport {

	private final JdbcClient jdbc;

	AccessReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String section() {
		return "accessReport";
	}

	@Override
	public List<Entry> export(UUID patientId) {
		return jdbc.sql("""
				select accessed_at, actor, roles, action, purpose, correlation_id from patient_access
				where patient_id = ? order by id
				""")
			.param(patientId)
			.query((rs, n) -> new Entry(rs.getTimestamp("accessed_at").toInstant(), rs.getString("actor"),
					List.copyOf(Arrays.asList((String[]) rs.getArray("roles").getArray())), rs.getString("action"),
					rs.getString("purpose"), rs.getString("correlation_id")))
			.list();
	}

	/** One access: what the patient reads about who saw their record. */
	record Entry(Instant at, String who, List<String> roles, String action, @Nullable String purpose,
			String correlationId) {

	}

}
