package care.parcours.patient.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.patient.documents.DocumentController.DocumentView;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static care.parcours.patient.patients.PatientFixtures.registeredId;
import static care.parcours.patient.patients.PatientFixtures.yasmine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What documents do through HTTP, whichever store keeps them: each store's test runs it.
 */
abstract class DocumentApiContract {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	/** The sealed bytes of a document as its store keeps them. */
	abstract byte[] sealed(UUID documentId);

	abstract String storage();

	@Test
	void pdfPngAndJpegUploadListAndDownloadAsTheSameBytesWithTheirHash() throws Exception {
		UUID patient = registeredId(http, yasmine("docs-" + storage()));
		Map<DocumentType, byte[]> files = Map.of(DocumentType.PDF, SampleFiles.pdf(), DocumentType.PNG,
				SampleFiles.png(), DocumentType.JPEG, SampleFiles.jpeg());

		for (DocumentType type : List.of(DocumentType.PDF, DocumentType.PNG, DocumentType.JPEG)) {
			byte[] content = files.get(type);
			DocumentView uploaded = upload(patient, content, "scan." + type.extension(), type.mediaType())
				.expectStatus()
				.isCreated()
				.expectBody(DocumentView.class)
				.returnResult()
				.getResponseBody();
			assertThat(uploaded.mediaType()).isEqualTo(type.mediaType());
			assertThat(uploaded.size()).isEqualTo(content.length);
			assertThat(uploaded.sha256()).isEqualTo(HexFormat.of().formatHex(sha256(content)));
			assertThat(uploaded.uploadedBy()).isEqualTo("amel.coordinator");

			EntityExchangeResult<byte[]> download = http.get()
				.uri("/api/patients/{p}/documents/{d}", patient, uploaded.id())
				.header("X-Correlation-Id", "download-" + uploaded.id())
				.exchange()
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentType(type.mediaType())
				.expectHeader()
				.valueEquals("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256(content)) + ":")
				.expectHeader()
				.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
				.expectBody(byte[].class)
				.returnResult();
			assertThat(download.getResponseBody()).isEqualTo(content);

			assertThat(jdbc.sql("select storage from patient_document where id = ?")
				.param(uploaded.id())
				.query(String.class)
				.single()).isEqualTo(storage());
			assertThat(indexOf(sealed(uploaded.id()), content)).as("the plain bytes are not in the store").isNegative();
			assertThat(jdbc.sql("""
					select actor from patient_access
					where patient_id = ? and action = 'DOWNLOAD_DOCUMENT' and item_id = ? and correlation_id = ?
					""").params(patient, uploaded.id(), "download-" + uploaded.id()).query(String.class).list())
				.containsExactly("test-staff");
		}

		http.get()
			.uri("/api/patients/{p}/documents", patient)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].mediaType")
			.isEqualTo(List.of("image/jpeg", "image/png", "application/pdf"))
			.jsonPath("$.content[0].kind")
			.isEqualTo("REFERRAL_LETTER")
			.jsonPath("$.content[0].content")
			.doesNotExist();
		assertThat(jdbc.sql("select count(*) from patient_access where patient_id = ? and action = 'LIST_DOCUMENTS'")
			.param(patient)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aPngNamedPdfAndDeclaredPdfIsStoredAsThePngItIs() {
		UUID patient = registeredId(http, yasmine("renamed-" + storage()));

		upload(patient, SampleFiles.png(), "letter.pdf", "application/pdf").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.mediaType")
			.isEqualTo("image/png");
	}

	@Test
	void textOrAnExecutableDisguisedAsAPdfIsRefusedAndNothingIsStored() {
		UUID patient = registeredId(http, yasmine("disguised-" + storage()));

		upload(patient, "Ordonnance : rien de plus qu'un texte.".getBytes(StandardCharsets.UTF_8), "ordonnance.pdf",
				"application/pdf")
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/unsupported-document-type")
			.jsonPath("$.detectedMediaType")
			.isEqualTo("text/plain")
			.jsonPath("$.detail")
			.value(detail -> assertThat((String) detail).doesNotContain("Ordonnance"));
		upload(patient, SampleFiles.windowsExecutable(), "report.pdf", "application/pdf").expectStatus().isEqualTo(422);
		upload(patient, SampleFiles.elfExecutable(), "report.pdf", "application/pdf").expectStatus().isEqualTo(422);

		assertNothingStored(patient);
	}

	@Test
	void aDocumentPastTheLimitIsA413AndNothingIsStored() {
		UUID patient = registeredId(http, yasmine("oversize-" + storage()));

		upload(patient, SampleFiles.pdfOfSize(64 * 1024 + 1), "big.pdf", "application/pdf").expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/payload-too-large");
		upload(patient, SampleFiles.pdfOfSize(64 * 1024), "just-fits.pdf", "application/pdf").expectStatus()
			.isCreated();

		assertThat(jdbc.sql("select count(*) from patient_document where patient_id = ?")
			.param(patient)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void anUnknownPatientOrDocumentIsA404AndBillingMayNotDownload() {
		upload(UUID.randomUUID(), SampleFiles.pdf(), "a.pdf", "application/pdf").expectStatus().isNotFound();
		UUID patient = registeredId(http, yasmine("docroles-" + storage()));
		http.get()
			.uri("/api/patients/{p}/documents/{d}", patient, UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/document-not-found");
		UUID document = upload(patient, SampleFiles.pdf(), "a.pdf", "application/pdf").expectStatus()
			.isCreated()
			.expectBody(DocumentView.class)
			.returnResult()
			.getResponseBody()
			.id();
		UUID other = registeredId(http, yasmine("docother-" + storage()));
		http.get().uri("/api/patients/{p}/documents/{d}", other, document).exchange().expectStatus().isNotFound();
		http.get()
			.uri("/api/patients/{p}/documents/{d}", patient, document)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff("billing").bearer())
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(jdbc.sql("select count(*) from patient_access where action = 'DOWNLOAD_DOCUMENT' and item_id = ?")
			.param(document)
			.query(Long.class)
			.single()).isZero();
	}

	RestTestClient.ResponseSpec upload(UUID patient, byte[] content, String fileName, String declaredType) {
		HttpHeaders fileHeaders = new HttpHeaders();
		fileHeaders.setContentType(MediaType.parseMediaType(declaredType));
		fileHeaders.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName).build());
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("kind", "REFERRAL_LETTER");
		body.add("file", new HttpEntity<>(new ByteArrayResource(content), fileHeaders));
		return http.post()
			.uri("/api/patients/{id}/documents", patient)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff("coordinator").subject("amel.coordinator").bearer())
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body)
			.exchange();
	}

	private void assertNothingStored(UUID patient) {
		assertThat(jdbc.sql("select count(*) from patient_document where patient_id = ?")
			.param(patient)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from patient_access where patient_id = ? and action = 'UPLOAD_DOCUMENT'")
			.param(patient)
			.query(Long.class)
			.single()).isZero();
	}

	static byte[] sha256(byte[] content) throws Exception {
		return MessageDigest.getInstance("SHA-256").digest(content);
	}

	/** Where {@code part} starts in {@code whole}, or -1. */
	static int indexOf(byte[] whole, byte[] part) {
		outer: for (int i = 0; i + part.length <= whole.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (whole[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
