package care.parcours.patient.documents;

import java.util.UUID;

/**
 * Where the sealed bytes of documents are kept, apart from their metadata: PostgreSQL by
 * default, or a directory. Both hold ciphertext only.
 */
public interface DocumentStore {

	/** The name recorded with each document, saying where its bytes are. */
	String name();

	/**
	 * Keeps a document's sealed bytes, in the transaction that records the document: if
	 * it rolls back, they are not kept.
	 */
	void write(UUID documentId, byte[] sealed);

	/** A document's sealed bytes. */
	byte[] read(UUID documentId);

	/**
	 * Deletes a document's sealed bytes, for the patient's erasure, in the transaction
	 * that deletes the document: with it, or once it commits for what cannot roll back.
	 */
	void delete(UUID documentId);

}
