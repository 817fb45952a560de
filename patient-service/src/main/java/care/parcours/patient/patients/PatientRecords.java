package care.parcours.patient.patients;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All patient records, identities encrypted. */
@Repository
class PatientRecords {

	private final JdbcClient jdbc;

	private final IdentityCipher cipher;

	PatientRecords(JdbcClient jdbc, IdentityCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	void add(Patient patient) {
		jdbc.sql("""
				insert into patient (id, identity, key_id, version, registered_at)
				values (:id, :identity, :keyId, :version, :registeredAt)
				""")
			.param("id", patient.id())
			.param("identity", cipher.encrypt(patient.identity()))
			.param("keyId", cipher.keyId())
			.param("version", patient.version())
			.param("registeredAt", Timestamp.from(patient.registeredAt()))
			.update();
	}

	Optional<Patient> find(UUID id) {
		return jdbc.sql("select id, identity, key_id, version, registered_at from patient where id = ?")
			.param(id)
			.query((rs, row) -> new Patient(rs.getObject("id", UUID.class),
					cipher.decrypt(rs.getBytes("identity"), rs.getString("key_id")), rs.getLong("version"),
					rs.getTimestamp("registered_at").toInstant()))
			.optional();
	}

}
