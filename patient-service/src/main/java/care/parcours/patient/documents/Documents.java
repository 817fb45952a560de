package care.parcours.patient.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.patient.access.AccessAction;
import care.parcours.patient.access.AccessLog;
import care.parcours.patient.access.Accessor;
import care.parcours.patient.clinical.ClinicalPatients;
import care.parcours.patient.keys.DataKey;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's documents: the type read from the bytes, the bytes sealed with the
 * patient's data key under {@code parcours.patient/document/<document id>/<patient id>},
 * the SHA-256 of the plain bytes kept to prove a download is what was uploaded.
 */
@Service
class Documents {

	private static final String COLUMNS = "id, kind, media_type, size_bytes, sha256, storage, uploaded_at, uploaded_by";

	private final JdbcClient jdbc;

	private final ClinicalPatients patients;

	private final DocumentStore store;

	private final AccessLog accessLog;

	private final Clock clock;

	Documents(JdbcClient jdbc, ClinicalPatients patients, DocumentStore store, AccessLog accessLog, Clock clock) {
		this.jdbc = jdbc;
		this.patients = patients;
		this.store = store;
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/**
	 * @throws UnsupportedDocumentType when the bytes are not a PDF, JPEG or PNG, whatever
	 * the request said they were
	 */
	@Transactional
	Document upload(UUID patientId, DocumentKind kind, byte[] content, Accessor accessor) {
		DataKey key = patients.dataKey(patientId);
		String detected = DocumentType.detect(content);
		DocumentType type = DocumentType.ofMediaType(detected).orElseThrow(() -> new UnsupportedDocumentType(detected));
		Document document = new Document(UUID.randomUUID(), patientId, kind, type, content.length, sha256(content),
				store.name(), clock.instant(), accessor.subject());
		jdbc.sql(
				"""
						insert into patient_document (id, patient_id, kind, media_type, size_bytes, sha256, storage, uploaded_at,
						                              uploaded_by)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(document.id(), patientId, kind.name(), type.mediaType(), document.size(), document.sha256(),
					document.storage(), Timestamp.from(document.uploadedAt()), document.uploadedBy())
			.update();
		store.write(document.id(), key.seal(purpose(document.id()), content));
		accessLog.record(patientId, accessor, AccessAction.UPLOAD_DOCUMENT, document.id());
		return document;
	}

	/** Metadata only, the latest upload first. */
	@Transactional
	Page<Document> list(UUID patientId, PageQuery page, Accessor accessor) {
		patients.requireExists(patientId);
		List<Document> content = documents(patientId, page.size(), page.offset());
		long total = jdbc.sql("select count(*) from patient_document where patient_id = ?")
			.param(patientId)
			.query(Long.class)
			.single();
		accessLog.record(patientId, accessor, AccessAction.LIST_DOCUMENTS);
		return Page.of(content, page, total);
	}

	/**
	 * Every document of the patient, metadata only, the latest first, for the export
	 * (audited there).
	 */
	List<Document> all(UUID patientId) {
		patients.requireExists(patientId);
		return documents(patientId, Integer.MAX_VALUE, 0);
	}

	/**
	 * Deletes the patient's documents, for their erasure: the rows, the content kept in
	 * PostgreSQL, and the files when a directory keeps them (once the erasure commits).
	 */
	void erase(UUID patientId) {
		List<UUID> ids = jdbc.sql("select id from patient_document where patient_id = ?")
			.param(patientId)
			.query(UUID.class)
			.list();
		for (UUID id : ids) {
			store.delete(id);
		}
		// Content left in PostgreSQL by an instance that kept documents there before a
		// directory was configured goes as well.
		jdbc.sql("""
				delete from patient_document_content
				where document_id in (select id from patient_document where patient_id = ?)
				""").param(patientId).update();
		jdbc.sql("delete from patient_document where patient_id = ?").param(patientId).update();
	}

	private List<Document> documents(UUID patientId, int limit, long offset) {
		return jdbc.sql("select " + COLUMNS + """
				 from patient_document where patient_id = ? order by uploaded_at desc, id limit ? offset ?
				""")
			.params(patientId, limit, offset)
			.query((rs, row) -> new Document(rs.getObject("id", UUID.class), patientId,
					DocumentKind.valueOf(rs.getString("kind")),
					DocumentType.ofMediaType(rs.getString("media_type")).orElseThrow(), rs.getLong("size_bytes"),
					rs.getBytes("sha256"), rs.getString("storage"), rs.getTimestamp("uploaded_at").toInstant(),
					rs.getString("uploaded_by")))
			.list();
	}

	/**
	 * A document and its plain bytes, checked against the hash recorded at upload.
	 * @throws DocumentNotFound when the patient has no such document
	 */
	@Transactional
	Download download(UUID patientId, UUID documentId, Accessor accessor) {
		DataKey key = patients.dataKey(patientId);
		Document document = jdbc.sql("select " + COLUMNS + " from patient_document where id = ? and patient_id = ?")
			.params(documentId, patientId)
			.query((rs, row) -> new Document(documentId, patientId, DocumentKind.valueOf(rs.getString("kind")),
					DocumentType.ofMediaType(rs.getString("media_type")).orElseThrow(), rs.getLong("size_bytes"),
					rs.getBytes("sha256"), rs.getString("storage"), rs.getTimestamp("uploaded_at").toInstant(),
					rs.getString("uploaded_by")))
			.optional()
			.orElseThrow(() -> new DocumentNotFound(patientId, documentId));
		if (!document.storage().equals(store.name())) {
			throw new IllegalStateException("Document " + documentId + " is kept in " + document.storage()
					+ " but this instance reads from " + store.name());
		}
		byte[] content = key.open(purpose(documentId), store.read(documentId));
		if (!MessageDigest.isEqual(sha256(content), document.sha256())) {
			throw new IllegalStateException("Document " + documentId + " does not match the hash recorded at upload");
		}
		accessLog.record(patientId, accessor, AccessAction.DOWNLOAD_DOCUMENT, documentId);
		return new Download(document, content);
	}

	static String purpose(UUID documentId) {
		return "document/" + documentId;
	}

	static byte[] sha256(byte[] content) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/** A document's metadata: no name (a file name often holds the patient's). */
	record Document(UUID id, UUID patientId, DocumentKind kind, DocumentType type, long size, byte[] sha256,
			String storage, Instant uploadedAt, String uploadedBy) {

	}

	/** A document with its plain content. */
	record Download(Document document, byte[] content) {

	}

	/** The bytes are of a type not accepted: a 422 naming the type Tika read. */
	static final class UnsupportedDocumentType extends RuleViolationException {

		UnsupportedDocumentType(String detected) {
			super("unsupported-document-type",
					"The file's content is " + detected
							+ ", not a PDF, JPEG or PNG; its name and declared type are not taken into account.",
					Map.of("detectedMediaType", detected, "acceptedMediaTypes",
							List.of("application/pdf", "image/jpeg", "image/png")));
		}

	}

	/** The patient has no document of this id. */
	static final class DocumentNotFound extends NotFoundException {

		DocumentNotFound(UUID patientId, UUID documentId) {
			super("document-not-found", "Patient " + patientId + " has no document " + documentId + ".");
		}

	}

}
