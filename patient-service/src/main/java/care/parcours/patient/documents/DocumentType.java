package care.parcours.patient.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;

/**
 * The document types accepted, told apart by Apache Tika from the bytes alone (their
 * magic numbers): the file name and the Content-Type a client declares are never asked,
 * so a file that says it is a PDF is whatever its bytes are.
 */
public enum DocumentType {

	PDF("application/pdf", "pdf"), JPEG("image/jpeg", "jpg"), PNG("image/png", "png");

	/**
	 * Tika's MIME types database, with no file name to go by: detection by content only.
	 */
	private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

	private final String mediaType;

	private final String extension;

	DocumentType(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return mediaType;
	}

	/** The extension of the name a download is offered under. */
	public String extension() {
		return extension;
	}

	/**
	 * The media type Tika reads in the bytes, {@code application/octet-stream} if none.
	 */
	public static String detect(byte[] content) {
		try (TikaInputStream stream = TikaInputStream.get(content)) {
			MediaType detected = TYPES.detect(stream, new Metadata(), new ParseContext());
			return detected.getBaseType().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading from memory failed", ex);
		}
	}

	/** The accepted type these bytes are, if they are one. */
	public static Optional<DocumentType> of(byte[] content) {
		return ofMediaType(detect(content));
	}

	public static Optional<DocumentType> ofMediaType(String mediaType) {
		return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
	}

}
