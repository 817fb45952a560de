package care.parcours.patient.documents;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import care.parcours.patient.access.Accessor;
import care.parcours.patient.clinical.ClinicalPatients;
import care.parcours.patient.documents.Documents.Document;
import care.parcours.patient.documents.Documents.Download;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import care.parcours.platform.web.PayloadTooLargeException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/patients/{patientId}/documents")
@Tag(name = "Documents",
		description = "PDF, JPEG and PNG documents of a patient, typed from their bytes, sealed "
				+ "with the patient's data key; every upload, list and download audited")
@ApiResponse(responseCode = "410", description = "The patient was erased: patient-erased, with erasedAt")
class DocumentController {

	/** The header carrying the SHA-256 of a download's content (RFC 9530). */
	static final String REPR_DIGEST = "Repr-Digest";

	private final Documents documents;

	private final DocumentProperties properties;

	DocumentController(Documents documents, DocumentProperties properties) {
		this.documents = documents;
		this.properties = properties;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ApiResponse(responseCode = "413", description = "The file is above the documents' size limit: payload-too-large")
	@ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
	@Operation(summary = "Upload a document",
			description = "multipart/form-data with the file in part 'file' and its kind. The type is read from the "
					+ "bytes by Apache Tika, never from the file name or the part's Content-Type: a PDF, JPEG or PNG "
					+ "is stored as what its bytes are (a PNG named .pdf is stored as image/png); anything else is a "
					+ "422 unsupported-document-type and nothing is stored. Past the size limit (10 MB by default), "
					+ "a 413. The file name is not kept.")
	ResponseEntity<DocumentView> upload(@PathVariable UUID patientId, @RequestParam DocumentKind kind,
			@RequestPart("file") MultipartFile file, Accessor accessor) throws IOException {
		if (file.getSize() > properties.maxSize().toBytes()) {
			throw new PayloadTooLargeException(properties.maxSize().toBytes());
		}
		if (file.isEmpty()) {
			throw InvalidRequestException.ofField("file", "must not be empty");
		}
		Document document = documents.upload(patientId, kind, file.getBytes(), accessor);
		return ResponseEntity.created(URI.create("/api/patients/" + patientId + "/documents/" + document.id()))
			.body(DocumentView.of(document));
	}

	@GetMapping
	@ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
	@Operation(summary = "List a patient's documents",
			description = "Metadata only (kind, media type, size, SHA-256, when and by whom uploaded), the latest "
					+ "first. Audited.")
	Page<DocumentView> list(@PathVariable UUID patientId, PageQuery page, Accessor accessor) {
		return documents.list(patientId, page, accessor).map(DocumentView::of);
	}

	@GetMapping("/{documentId}")
	@Operation(summary = "Download a document",
			description = "The bytes as uploaded, with the media type read at upload, their SHA-256 in Repr-Digest "
					+ "(checked against the one recorded at upload before anything is sent) and no caching. Each "
					+ "download is audited with the document's id.")
	@ApiResponse(responseCode = "200", description = "The document",
			content = { @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<byte[]> download(@PathVariable UUID patientId, @PathVariable UUID documentId, Accessor accessor) {
		Download download = documents.download(patientId, documentId, accessor);
		Document document = download.document();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.type().mediaType()))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.id() + "." + document.type().extension())
						.build()
						.toString())
			.header(REPR_DIGEST, "sha-256=:" + Base64.getEncoder().encodeToString(document.sha256()) + ":")
			.body(download.content());
	}

	/** A document as listed: never its content. */
	record DocumentView(UUID id, DocumentKind kind, String mediaType, long size,
			@Schema(description = "SHA-256 of the content, hex") String sha256, Instant uploadedAt, String uploadedBy) {

		static DocumentView of(Document document) {
			return new DocumentView(document.id(), document.kind(), document.type().mediaType(), document.size(),
					HexFormat.of().formatHex(document.sha256()), document.uploadedAt(), document.uploadedBy());
		}

	}

}
