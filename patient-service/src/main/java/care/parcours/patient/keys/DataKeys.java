package care.parcours.patient.keys;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every patient's data key (a Tink AES256-GCM keyset of its own), stored wrapped by the
 * master keyset with the patient id as associated data, and the id of the master key that
 * wraps it. Deleting a patient's row destroys the key: what it encrypted can no longer be
 * read (crypto-shredding). A backup taken before still holds the wrapped key, readable
 * for as long as the master key that wrapped it exists: rotating the master key and
 * removing the old one is what reaches the backups
 * (docs/adr/0007-patient-encryption-keys.md).
 */
@Repository
public class DataKeys {

	private final JdbcClient jdbc;

	private final Envelope envelope;

	private final Clock clock;

	DataKeys(JdbcClient jdbc, MasterKeys master, Clock clock) {
		this.jdbc = jdbc;
		this.envelope = new Envelope(master);
		this.clock = clock;
	}

	/**
	 * A new data key for a patient, wrapped by the primary master key; not yet stored.
	 */
	public DataKey create(UUID patientId) {
		return envelope.create(patientId);
	}

	/** Stores a new data key, in the transaction that stores what it encrypts. */
	@Transactional
	public void store(DataKey key) {
		jdbc.sql("""
				insert into patient_data_key (patient_id, wrapped_keyset, master_key_id, wrapped_at)
				values (?, ?, ?, ?)
				""")
			.params(key.patientId(), key.wrapped(), key.masterKeyId(), Timestamp.from(clock.instant()))
			.update();
	}

	public Optional<DataKey> find(UUID patientId) {
		return jdbc.sql("select wrapped_keyset, master_key_id from patient_data_key where patient_id = ?")
			.param(patientId)
			.query((rs, row) -> envelope.open(patientId, rs.getBytes("wrapped_keyset"), rs.getLong("master_key_id")))
			.optional();
	}

	/** The data keys of several patients, for a page of them; absent ones left out. */
	public Map<UUID, DataKey> findAll(Collection<UUID> patientIds) {
		Map<UUID, DataKey> keys = new HashMap<>();
		if (patientIds.isEmpty()) {
			return keys;
		}
		jdbc.sql("""
				select patient_id, wrapped_keyset, master_key_id from patient_data_key
				where patient_id = any(?::uuid[])
				""").param(patientIds.stream().map(UUID::toString).toArray(String[]::new)).query((rs, row) -> {
			UUID id = rs.getObject("patient_id", UUID.class);
			return envelope.open(id, rs.getBytes("wrapped_keyset"), rs.getLong("master_key_id"));
		}).list().forEach(key -> keys.put(key.patientId(), key));
		return keys;
	}

	/**
	 * Rewraps up to {@code limit} data keys that a master key other than the primary
	 * wraps, locking them so that two instances rewrapping at once share the work.
	 * @return how many were rewrapped
	 */
	@Transactional
	public int rewrapStale(int limit) {
		long primary = envelope.primaryKeyId();
		List<StaleKey> stale = jdbc.sql("""
				select patient_id, wrapped_keyset, master_key_id from patient_data_key
				where master_key_id <> ? order by patient_id limit ? for update skip locked
				""")
			.params(primary, limit)
			.query((rs, row) -> new StaleKey(rs.getObject("patient_id", UUID.class), rs.getBytes("wrapped_keyset")))
			.list();
		for (StaleKey key : stale) {
			jdbc.sql("""
					update patient_data_key set wrapped_keyset = ?, master_key_id = ?, wrapped_at = ?
					where patient_id = ?
					""")
				.params(envelope.rewrap(key.patientId(), key.wrapped()), primary, Timestamp.from(clock.instant()),
						key.patientId())
				.update();
		}
		return stale.size();
	}

	/** How many data keys a master key other than the primary still wraps. */
	public long countStale() {
		return jdbc.sql("select count(*) from patient_data_key where master_key_id <> ?")
			.param(envelope.primaryKeyId())
			.query(Long.class)
			.single();
	}

	/**
	 * Destroys a patient's data key: everything sealed with it becomes unreadable for
	 * good.
	 * @return whether there was one
	 */
	@Transactional
	public boolean destroy(UUID patientId) {
		return jdbc.sql("delete from patient_data_key where patient_id = ?").param(patientId).update() > 0;
	}

	private record StaleKey(UUID patientId, byte[] wrapped) {

	}

}
