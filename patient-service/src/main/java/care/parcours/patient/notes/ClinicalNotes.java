package care.parcours.patient.notes;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's clinical notes. Each text is sealed with the patient's data key under the
 * associated data {@code parcours.patient/note/<note id>/<patient id>}: copied to another
 * note's row or another patient's, it does not open.
 */
@Repository
class ClinicalNotes {

	private final JdbcClient jdbc;

	private final ClinicalPatients patients;

	private final AccessLog accessLog;

	private final Clock clock;

	ClinicalNotes(JdbcClient jdbc, ClinicalPatients patients, AccessLog accessLog, Clock clock) {
		this.jdbc = jdbc;
		this.patients = patients;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	@Transactional
	Note write(UUID patientId, String text, Accessor accessor) {
		DataKey key = patients.dataKey(patientId);
		Note note = new Note(UUID.randomUUID(), text, accessor.subject(), clock.instant());
		jdbc.sql("insert into clinical_note (id, patient_id, text, author, written_at) values (?, ?, ?, ?, ?)")
			.params(note.id(), patientId, key.seal(purpose(note.id()), text.getBytes(StandardCharsets.UTF_8)),
					note.author(), Timestamp.from(note.writtenAt()))
			.update();
		accessLog.record(patientId, accessor, AccessAction.WRITE_NOTE, note.id());
		return note;
	}

	/** The latest first, opened. */
	@Transactional
	Page<Note> list(UUID patientId, PageQuery page, Accessor accessor) {
		DataKey key = patients.dataKey(patientId);
		List<Note> content = notes(patientId, key, page.size(), page.offset());
		long total = jdbc.sql("select count(*) from clinical_note where patient_id = ?")
			.param(patientId)
			.query(Long.class)
			.single();
		accessLog.record(patientId, accessor, AccessAction.READ_NOTES);
		return Page.of(content, page, total);
	}

	/**
	 * Every note of the patient, opened, the latest first, for the export (audited
	 * there).
	 */
	List<Note> all(UUID patientId) {
		return notes(patientId, patients.dataKey(patientId), Integer.MAX_VALUE, 0);
	}

	/** Deletes the patient's notes, for their erasure. */
	void erase(UUID patientId) {
		jdbc.sql("delete from clinical_note where patient_id = ?").param(patientId).update();
	}

	private List<Note> notes(UUID patientId, DataKey key, int limit, long offset) {
		return jdbc.sql("""
				select id, text, author, written_at from clinical_note
				where patient_id = ? order by written_at desc, id limit ? offset ?
				""").params(patientId, limit, offset).query((rs, row) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new Note(id, new String(key.open(purpose(id), rs.getBytes("text")), StandardCharsets.UTF_8),
					rs.getString("author"), rs.getTimestamp("written_at").toInstant());
		}).list();
	}

	static String purpose(UUID noteId) {
		return "note/" + noteId;
	}

	/**
	 * A clinical note. Its {@code toString} leaves the text out, so that no log line
	 * prints it by accident.
	 */
	record Note(UUID id, String text, String author, Instant writtenAt) {

		@Override
		public String toString() {
			return "Note[id=" + id + ", author=" + author + ", writtenAt=" + writtenAt + "]";
		}

	}

}
