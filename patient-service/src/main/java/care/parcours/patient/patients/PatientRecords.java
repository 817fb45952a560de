package care.parcours.patient.patients;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.parcours.patient.PatientGone;
import care.parcours.patient.identity.LookupTerm;
import care.parcours.patient.identity.PatientIdentity;
import care.parcours.patient.keys.BlindIndex;
import care.parcours.patient.keys.DataKey;
import care.parcours.patient.keys.DataKeys;
import care.parcours.platform.domain.StaleVersion;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * All patient records: identities sealed with each patient's data key, and the blind
 * indexes they are found by. Rows written before envelope encryption are still read with
 * the service key, and rewritten under a data key by the next edit or {@link #migrate}.
 */
@Repository
class PatientRecords {

	static final String IDENTITY = "identity";

	private static final String COLUMNS = "id, identity, encryption, key_id, version, registered_at, erased_at";

	private final JdbcClient jdbc;

	private final DataKeys keys;

	private final BlindIndex index;

	private final IdentityCodec codec;

	private final LegacyIdentityCipher legacy;

	PatientRecords(JdbcClient jdbc, DataKeys keys, BlindIndex index, IdentityCodec codec, LegacyIdentityCipher legacy) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.index = index;
		this.codec = codec;
		this.legacy = legacy;
	}

	void add(Patient patient) {
		DataKey key = keys.create(patient.id());
		jdbc.sql("""
				insert into patient (id, identity, encryption, status, version, registered_at)
				values (?, ?, 'DATA_KEY', 'ACTIVE', ?, ?)
				""")
			.params(patient.id(), key.seal(IDENTITY, codec.write(patient.identity())), patient.version(),
					Timestamp.from(patient.registeredAt()))
			.update();
		keys.store(key);
		index(patient.id(), patient.identity());
	}

	/**
	 * Stores the next version of a record, under the patient's data key (given one now if
	 * the row predates them).
	 * @throws StaleVersion when the stored version is no longer the one before
	 */
	void update(Patient patient) {
		int updated = write(patient.id(), patient.identity(), "version = :version - 1", patient.version());
		if (updated == 0) {
			throw StaleVersion.concurrentEdit("Patient " + patient.id());
		}
	}

	/**
	 * A record, its identity decrypted.
	 * @throws PatientGone when the patient's record was erased: its tombstone
	 */
	Optional<Patient> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from patient where id = ?")
			.param(id)
			.query(this::map)
			.optional()
			.map(row -> row.open(keys.find(id).orElse(null)));
	}

	boolean exists(UUID id) {
		return jdbc.sql("select exists (select 1 from patient where id = ?)").param(id).query(Boolean.class).single();
	}

	/**
	 * Locks a record for its erasure and says its version and whether it is erased
	 * already, without opening it.
	 */
	Optional<Registration> lockForErasure(UUID id) {
		return jdbc.sql("select id, version, registered_at, erased_at from patient where id = ? for update")
			.param(id)
			.query((rs, n) -> {
				Timestamp erasedAt = rs.getTimestamp("erased_at");
				if (erasedAt != null) {
					throw new PatientGone(id, erasedAt.toInstant());
				}
				return new Registration(rs.getObject("id", UUID.class), rs.getLong("version"),
						rs.getTimestamp("registered_at").toInstant());
			})
			.optional();
	}

	/**
	 * Crypto-shreds a record: destroys its data key, deletes its blind indexes and its
	 * ciphertext, and keeps the row as a tombstone at the next version, so that the ids
	 * held elsewhere (appointments, the audit trail) still name a record.
	 */
	void erase(UUID id, long version, Instant erasedAt) {
		keys.destroy(id);
		jdbc.sql("delete from patient_lookup where patient_id = ?").param(id).update();
		jdbc.sql("""
				update patient set identity = null, encryption = 'DATA_KEY', key_id = null, status = 'ERASED',
				erased_at = ?, version = ? where id = ?
				""").params(Timestamp.from(erasedAt), version, id).update();
	}

	/** A page of records, identities decrypted, oldest registration first. */
	Page<Patient> list(PageQuery query) {
		List<Row> rows = jdbc
			.sql("select " + COLUMNS
					+ " from patient where status = 'ACTIVE' order by registered_at, id limit ? offset ?")
			.params(query.size(), query.offset())
			.query(this::map)
			.list();
		Map<UUID, DataKey> dataKeys = keys.findAll(rows.stream().map(Row::id).toList());
		return Page.of(rows.stream().map(row -> row.open(dataKeys.get(row.id()))).toList(), query, count());
	}

	/**
	 * The display names ("given family") of the active records among {@code ids}, for
	 * lists: each identity decrypted and only its names read, the rest neither parsed nor
	 * checked again (one query for the rows, one for their keys). Erased and unknown ids
	 * are left out.
	 */
	Map<UUID, String> displayNames(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<Row> rows = jdbc.sql("select " + COLUMNS + " from patient where status = 'ACTIVE' and id = any(?::uuid[])")
			.param(ids.stream().map(UUID::toString).toArray(String[]::new))
			.query(this::map)
			.list();
		Map<UUID, DataKey> dataKeys = keys.findAll(rows.stream().map(Row::id).toList());
		Map<UUID, String> names = new HashMap<>();
		rows.forEach(row -> names.put(row.id(), row.displayName(dataKeys.get(row.id()))));
		return names;
	}

	/** A page of registrations, nothing decrypted. */
	Page<Registration> listRegistrations(PageQuery query) {
		List<Registration> content = jdbc.sql("""
				select id, version, registered_at from patient where status = 'ACTIVE'
				order by registered_at, id limit ? offset ?
				""")
			.params(query.size(), query.offset())
			.query((rs, n) -> new Registration(rs.getObject("id", UUID.class), rs.getLong("version"),
					rs.getTimestamp("registered_at").toInstant()))
			.list();
		return Page.of(content, query, count());
	}

	/** A patient's registration: what may be shown without opening the record. */
	record Registration(UUID id, long version, Instant registeredAt) {

	}

	/** The patients a term finds, at most {@code limit}, in a stable order. */
	List<UUID> findBy(LookupTerm term, int limit) {
		return jdbc.sql("""
				select patient_id from patient_lookup where kind = ? and digest = ?
				order by patient_id limit ?
				""").params(term.kind().name(), index.digest(term), limit).query(UUID.class).list();
	}

	/**
	 * Serialises, until the transaction ends, every registration or edit that involves
	 * one of these terms: two requests registering the same person at once cannot both
	 * miss each other in the duplicate check.
	 */
	void lock(Collection<LookupTerm> terms) {
		terms.stream()
			.map(term -> ByteBuffer.wrap(index.digest(term)).getLong())
			.sorted()
			.distinct()
			.forEach(lock -> jdbc.sql("select pg_advisory_xact_lock(?)").param(lock).query(Object.class).list());
	}

	/**
	 * Rewrites up to {@code limit} rows still under the service key under data keys of
	 * their own, with their blind indexes.
	 * @return how many were rewritten
	 */
	@Transactional
	int migrate(int limit) {
		List<Row> rows = jdbc.sql("select " + COLUMNS + """
				 from patient where encryption = 'SERVICE_KEY' order by id limit ? for update skip locked
				""").param(limit).query(this::map).list();
		for (Row row : rows) {
			Patient patient = row.open(null);
			write(patient.id(), patient.identity(), "version = :version", patient.version());
		}
		return rows.size();
	}

	long countUnderServiceKey() {
		return jdbc.sql("select count(*) from patient where encryption = 'SERVICE_KEY'").query(Long.class).single();
	}

	private int write(UUID id, PatientIdentity identity, String versionCondition, long version) {
		DataKey key = keys.find(id).orElseGet(() -> {
			DataKey created = keys.create(id);
			keys.store(created);
			return created;
		});
		int updated = jdbc.sql("""
				update patient set identity = :identity, encryption = 'DATA_KEY', key_id = null, version = :version
				where id = :id and\s""" + versionCondition)
			.param("identity", key.seal(IDENTITY, codec.write(identity)))
			.param("version", version)
			.param("id", id)
			.update();
		if (updated > 0) {
			index(id, identity);
		}
		return updated;
	}

	private void index(UUID id, PatientIdentity identity) {
		jdbc.sql("delete from patient_lookup where patient_id = ?").param(id).update();
		identity.lookupTerms().stream().distinct().forEach(term -> jdbc.sql("""
				insert into patient_lookup (patient_id, kind, digest) values (?, ?, ?) on conflict do nothing
				""").params(id, term.kind().name(), index.digest(term)).update());
	}

	private long count() {
		return jdbc.sql("select count(*) from patient where status = 'ACTIVE'").query(Long.class).single();
	}

	private Row map(ResultSet rs, int row) throws SQLException {
		Timestamp erasedAt = rs.getTimestamp("erased_at");
		return new Row(rs.getObject("id", UUID.class), rs.getBytes("identity"), rs.getString("encryption"),
				rs.getString("key_id"), rs.getLong("version"), rs.getTimestamp("registered_at").toInstant(),
				erasedAt == null ? null : erasedAt.toInstant());
	}

	/** A stored record before its identity is opened. */
	private final class Row {

		private final UUID id;

		private final byte @Nullable [] sealed;

		private final String encryption;

		private final @Nullable String keyId;

		private final long version;

		private final Instant registeredAt;

		private final @Nullable Instant erasedAt;

		Row(UUID id, byte @Nullable [] sealed, String encryption, @Nullable String keyId, long version,
				Instant registeredAt, @Nullable Instant erasedAt) {
			this.id = id;
			this.sealed = sealed;
			this.encryption = encryption;
			this.keyId = keyId;
			this.version = version;
			this.registeredAt = registeredAt;
			this.erasedAt = erasedAt;
		}

		UUID id() {
			return id;
		}

		Patient open(@Nullable DataKey key) {
			byte[] plain = plain(key);
			PatientIdentity identity = underServiceKey() ? codec.readLegacy(plain) : codec.read(plain);
			return new Patient(id, identity, version, registeredAt);
		}

		String displayName(@Nullable DataKey key) {
			return codec.displayName(plain(key));
		}

		private boolean underServiceKey() {
			return encryption.equals("SERVICE_KEY");
		}

		private byte[] plain(@Nullable DataKey key) {
			if (erasedAt != null || sealed == null) {
				throw new PatientGone(id, erasedAt == null ? registeredAt : erasedAt);
			}
			if (underServiceKey()) {
				return legacy.decrypt(sealed, String.valueOf(keyId));
			}
			if (key == null) {
				throw new DataKey.UnreadableData("Patient " + id + " has no data key: erased, or its key is missing");
			}
			return key.open(IDENTITY, sealed);
		}

	}

}
