package care.parcours.patient.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Documents as files of a directory, one per document named by its id: for deployments
 * that keep large binaries out of the database. A file is written whole under a temporary
 * name and then moved into place, so a reader never sees half of one; it is removed again
 * if the transaction recording the document rolls back. An erased patient's files are
 * removed once the erasure commits: a file removed earlier could not come back if the
 * erasure rolled back, and one left behind by a crash in between holds ciphertext under a
 * data key the erasure destroyed.
 */
@Repository
@ConditionalOnExpression("!'${parcours.patient.documents.directory:}'.isBlank()")
class DirectoryDocumentStore implements DocumentStore {

	static final String NAME = "DIRECTORY";

	private final Path directory;

	DirectoryDocumentStore(DocumentProperties properties) {
		Path directory = properties.directory();
		if (directory == null) {
			throw new IllegalStateException("parcours.patient.documents.directory is not set");
		}
		try {
			this.directory = Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the documents directory " + directory, ex);
		}
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public void write(UUID documentId, byte[] sealed) {
		Path target = file(documentId);
		try {
			Path partial = Files.createTempFile(directory, documentId.toString(), ".partial");
			Files.write(partial, sealed);
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write document " + documentId, ex);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						try {
							Files.deleteIfExists(target);
						}
						catch (IOException ex) {
							throw new UncheckedIOException("Cannot remove document " + documentId, ex);
						}
					}
				}
			});
		}
	}

	@Override
	public void delete(UUID documentId) {
		Path target = file(documentId);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			deleteNow(documentId, target);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				deleteNow(documentId, target);
			}
		});
	}

	private static void deleteNow(UUID documentId, Path target) {
		try {
			Files.deleteIfExists(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove document " + documentId, ex);
		}
	}

	@Override
	public byte[] read(UUID documentId) {
		try {
			return Files.readAllBytes(file(documentId));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read document " + documentId, ex);
		}
	}

	private Path file(UUID documentId) {
		return directory.resolve(documentId + ".sealed");
	}

}
