package care.parcours.patient.clinical;

import java.sql.Timestamp;
import java.util.UUID;

import care.parcours.patient.PatientGone;
import care.parcours.patient.keys.DataKey;
import care.parcours.patient.keys.DataKeys;
import care.parcours.platform.domain.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The patient a request about their consents or clinical data names: it must be
 * registered, and what is sealed for it needs its data key. An erased patient is gone
 * (410 {@code patient-erased}, as their record answers): their clinical rows were deleted
 * and nothing can be sealed for them any more.
 */
@Repository
public class ClinicalPatients {

	private final JdbcClient jdbc;

	private final DataKeys keys;

	ClinicalPatients(JdbcClient jdbc, DataKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	/**
	 * @throws PatientNotFound when no patient has this id
	 * @throws PatientGone when the patient was erased
	 */
	public void requireExists(UUID patientId) {
		encryption(patientId);
	}

	/**
	 * The patient's data key; a record still under the old service key is given one (its
	 * identity moves to it with the next rewrap or edit).
	 * @throws PatientNotFound when no patient has this id, or their key is missing
	 * @throws PatientGone when the patient was erased
	 */
	public DataKey dataKey(UUID patientId) {
		String encryption = encryption(patientId);
		return keys.find(patientId).orElseGet(() -> {
			if (!encryption.equals("SERVICE_KEY")) {
				throw new PatientNotFound(patientId);
			}
			DataKey created = keys.create(patientId);
			keys.store(created);
			return created;
		});
	}

	private String encryption(UUID patientId) {
		return jdbc.sql("select encryption, erased_at from patient where id = ?").param(patientId).query((rs, row) -> {
			Timestamp erasedAt = rs.getTimestamp("erased_at");
			if (erasedAt != null) {
				throw new PatientGone(patientId, erasedAt.toInstant());
			}
			return rs.getString("encryption");
		}).optional().orElseThrow(() -> new PatientNotFound(patientId));
	}

	/** No patient has this id. */
	public static final class PatientNotFound extends NotFoundException {

		PatientNotFound(UUID id) {
			super("patient-not-found", "No patient record has the id " + id + ".");
		}

	}

}
