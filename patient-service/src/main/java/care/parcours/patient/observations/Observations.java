package care.parcours.patient.observations;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import care.parcours.patient.access.AccessAction;
import care.parcours.patient.access.AccessLog;
import care.parcours.patient.access.Accessor;
import care.parcours.patient.clinical.ClinicalPatients;
import care.parcours.patient.keys.DataKey;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's vital signs and coded lists: recorded and listed newest first, every write
 * and every read audited in its own transaction.
 */
@Service
class Observations {

	/** The signs of one measurement listed in the order of {@link VitalSign}. */
	private static final String[] SIGN_ORDER = Arrays.stream(VitalSign.values())
		.map(VitalSign::loincCode)
		.toArray(String[]::new);

	private final JdbcClient jdbc;

	private final ClinicalPatients patients;

	private final AccessLog accessLog;

	private final Clock clock;

	Observations(JdbcClient jdbc, ClinicalPatients patients, AccessLog accessLog, Clock clock) {
		this.jdbc = jdbc;
		this.patients = patients;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/** One row per value, all at the measurement's time. */
	@Transactional
	List<Observation> record(UUID patientId, VitalSigns signs, Accessor accessor) {
		patients.requireExists(patientId);
		Instant now = clock.instant();
		List<Observation> recorded = new ArrayList<>();
		for (VitalSign sign : VitalSign.values()) {
			BigDecimal value = signs.values().get(sign);
			if (value == null) {
				continue;
			}
			Observation observation = new Observation(UUID.randomUUID(), sign, value, signs.effectiveAt(), now,
					accessor.subject());
			jdbc.sql(
					"""
							insert into vital_sign (id, patient_id, loinc_code, value, unit, effective_at, recorded_at, recorded_by)
							values (?, ?, ?, ?, ?, ?, ?, ?)
							""")
				.params(observation.id(), patientId, sign.loincCode(), value, sign.unit(),
						Timestamp.from(observation.effectiveAt()), Timestamp.from(now), observation.recordedBy())
				.update();
			recorded.add(observation);
		}
		accessLog.record(patientId, accessor, AccessAction.RECORD_OBSERVATIONS);
		return recorded;
	}

	/** Newest measurement first. */
	@Transactional
	Page<Observation> vitalSigns(UUID patientId, PageQuery page, Accessor accessor) {
		patients.requireExists(patientId);
		List<Observation> content = vitalSigns(patientId, page.size(), page.offset());
		long total = jdbc.sql("select count(*) from vital_sign where patient_id = ?")
			.param(patientId)
			.query(Long.class)
			.single();
		accessLog.record(patientId, accessor, AccessAction.READ_OBSERVATIONS);
		return Page.of(content, page, total);
	}

	/**
	 * Every vital sign of the patient, newest first, for the export (which audits
	 * itself).
	 */
	List<Observation> allVitalSigns(UUID patientId) {
		patients.requireExists(patientId);
		return vitalSigns(patientId, Integer.MAX_VALUE, 0);
	}

	private List<Observation> vitalSigns(UUID patientId, int limit, long offset) {
		return jdbc.sql("""
				select id, loinc_code, value, effective_at, recorded_at, recorded_by from vital_sign
				where patient_id = ?
				order by effective_at desc, recorded_at desc, array_position(?::text[], loinc_code), id limit ? offset ?
				""")
			.params(patientId, SIGN_ORDER, limit, offset)
			.query((rs, row) -> new Observation(rs.getObject("id", UUID.class),
					VitalSign.ofLoincCode(rs.getString("loinc_code")).orElseThrow(), plain(rs.getBigDecimal("value")),
					rs.getTimestamp("effective_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(),
					rs.getString("recorded_by")))
			.list();
	}

	/** Adds an entry to an allergy or medication list, its display text sealed. */
	@Transactional
	CodedEntry add(UUID patientId, CodedList list, CodedConcept concept, Accessor accessor) {
		DataKey key = patients.dataKey(patientId);
		CodedEntry entry = new CodedEntry(UUID.randomUUID(), list, concept, clock.instant(), accessor.subject());
		jdbc.sql("""
				insert into coded_entry (id, patient_id, list, code_system, code, display, recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(entry.id(), patientId, list.name(), concept.system().name(), concept.code(),
					key.seal(purpose(entry.id()), concept.display().getBytes(StandardCharsets.UTF_8)),
					Timestamp.from(entry.recordedAt()), entry.recordedBy())
			.update();
		accessLog.record(patientId, accessor, AccessAction.RECORD_OBSERVATIONS, entry.id());
		return entry;
	}

	/** Newest entry first. */
	@Transactional
	Page<CodedEntry> entries(UUID patientId, CodedList list, PageQuery page, Accessor accessor) {
		DataKey key = patients.dataKey(patientId);
		List<CodedEntry> content = entries(patientId, key, list, page.size(), page.offset());
		long total = jdbc.sql("select count(*) from coded_entry where patient_id = ? and list = ?")
			.params(patientId, list.name())
			.query(Long.class)
			.single();
		accessLog.record(patientId, accessor, AccessAction.READ_OBSERVATIONS);
		return Page.of(content, page, total);
	}

	/**
	 * Every entry of one of the patient's lists, displays opened, newest first, for the
	 * export (which audits itself).
	 */
	List<CodedEntry> allEntries(UUID patientId, CodedList list) {
		return entries(patientId, patients.dataKey(patientId), list, Integer.MAX_VALUE, 0);
	}

	/** Deletes the patient's vital signs and coded lists, for their erasure. */
	void erase(UUID patientId) {
		jdbc.sql("delete from vital_sign where patient_id = ?").param(patientId).update();
		jdbc.sql("delete from coded_entry where patient_id = ?").param(patientId).update();
	}

	private List<CodedEntry> entries(UUID patientId, DataKey key, CodedList list, int limit, long offset) {
		return jdbc.sql("""
				select id, code_system, code, display, recorded_at, recorded_by from coded_entry
				where patient_id = ? and list = ? order by recorded_at desc, id limit ? offset ?
				""").params(patientId, list.name(), limit, offset).query((rs, row) -> {
			UUID id = rs.getObject("id", UUID.class);
			CodedConcept concept = new CodedConcept(CodeSystem.valueOf(rs.getString("code_system")),
					rs.getString("code"),
					new String(key.open(purpose(id), rs.getBytes("display")), StandardCharsets.UTF_8));
			return new CodedEntry(id, list, concept, rs.getTimestamp("recorded_at").toInstant(),
					rs.getString("recorded_by"));
		}).list();
	}

	/** A stored value without the zeros its column pads it with: 37.2, not 37.20. */
	private static BigDecimal plain(BigDecimal stored) {
		BigDecimal stripped = stored.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private static String purpose(UUID entryId) {
		return "coded-entry/" + entryId;
	}

	/** One measured value. */
	record Observation(UUID id, VitalSign sign, BigDecimal value, Instant effectiveAt, Instant recordedAt,
			String recordedBy) {

	}

	/** One entry of a coded list. */
	record CodedEntry(UUID id, CodedList list, CodedConcept concept, Instant recordedAt, String recordedBy) {

	}

}
