package care.parcours.scheduling.patients;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import care.parcours.platform.domain.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ids of the patients patient-service announced. */
@Repository
public class KnownPatients {

	private final JdbcClient jdbc;

	KnownPatients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID patientId, Instant registeredAt) {
		jdbc.sql("insert into known_patient (id, registered_at) values (?, ?) on conflict do nothing")
			.params(patientId, Timestamp.from(registeredAt))
			.update();
	}

	/**
	 * Remembers that the patient was erased: the id stays (appointments refer to it), but
	 * nothing new may name it. Idempotent; the first erasure time is kept.
	 * @return whether this is news
	 */
	boolean erase(UUID patientId, Instant erasedAt) {
		return jdbc.sql("""
				insert into known_patient (id, registered_at, erased_at) values (?, ?, ?)
				on conflict (id) do update set erased_at = excluded.erased_at where known_patient.erased_at is null
				""").params(patientId, Timestamp.from(erasedAt), Timestamp.from(erasedAt)).update() > 0;
	}

	/**
	 * @throws UnknownPatient when patient-service has not announced the patient (or not
	 * yet), or announced their erasure
	 */
	public void require(UUID patientId) {
		boolean known = jdbc.sql("select exists (select 1 from known_patient where id = ? and erased_at is null)")
			.param(patientId)
			.query(Boolean.class)
			.single();
		if (!known) {
			throw new UnknownPatient(patientId);
		}
	}

	/** Bookings are for patients with a record in patient-service. */
	public static final class UnknownPatient extends RuleViolationException {

		public UnknownPatient(UUID patientId) {
			super("unknown-patient", "No patient " + patientId + " is known to scheduling (patient records reach it"
					+ " within seconds of their creation).");
		}

	}

}
