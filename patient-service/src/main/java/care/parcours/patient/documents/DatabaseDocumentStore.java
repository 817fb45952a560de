package care.parcours.patient.documents;

import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents in PostgreSQL, one {@code bytea} per document: backed up and restored with
 * the rest of the record, no other storage to run.
 */
@Repository
@ConditionalOnExpression("'${parcours.patient.documents.directory:}'.isBlank()")
class DatabaseDocumentStore implements DocumentStore {

	static final String NAME = "DATABASE";

	private final JdbcClient jdbc;

	DatabaseDocumentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void write(UUID documentId, byte[] sealed) {
		jdbc.sql("insert into patient_document_content (document_id, content) values (?, ?)")
			.params(documentId, sealed)
			.update();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void delete(UUID documentId) {
		jdbc.sql("delete from patient_document_content where document_id = ?").param(documentId).update();
	}

	@Override
	public byte[] read(UUID documentId) {
		return jdbc.sql("select content from patient_document_content where document_id = ?")
			.param(documentId)
			.query(byte[].class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("The content of document " + documentId + " is missing"));
	}

}
