package care.parcours.patient.patients;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import care.parcours.test.TestTokens;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the other features hold about a patient, recorded through their APIs, for the
 * tests of the export and the erasure, which must reach all of it.
 */
final class ClinicalFixtures {

	private static final String COORDINATOR = TestTokens.staff("coordinator").subject("amel.coordinator").bearer();

	private ClinicalFixtures() {
	}

	static void consent(RestTestClient http, UUID patient) {
		http.post()
			.uri("/api/patients/{id}/consents", patient)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"purpose\": \"CARE_COORDINATION\", \"method\": \"SIGNED_FORM\"}")
			.exchange()
			.expectStatus()
			.isCreated();
	}

	static void vitalSign(RestTestClient http, UUID patient) {
		http.post()
			.uri("/api/patients/{id}/vital-signs", patient)
			.header(HttpHeaders.AUTHORIZATION, COORDINATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"effectiveAt\": \"2026-01-05T08:00:00Z\", \"heartRate\": 72}")
			.exchange()
			.expectStatus()
			.isCreated();
	}

	static void allergy(RestTestClient http, UUID patient, String display) {
		http.post()
			.uri("/api/patients/{id}/allergies", patient)
			.header(HttpHeaders.AUTHORIZATION, COORDINATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"system\": \"SNOMED_CT\", \"code\": \"91936005\", \"display\": \"%s\"}".formatted(display))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	static void note(RestTestClient http, UUID patient, String text) {
		http.post()
			.uri("/api/patients/{id}/notes", patient)
			.header(HttpHeaders.AUTHORIZATION, COORDINATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"text\": \"%s\"}".formatted(text))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	static void document(RestTestClient http, UUID patient, byte[] content) {
		HttpHeaders fileHeaders = new HttpHeaders();
		fileHeaders.setContentType(MediaType.APPLICATION_PDF);
		fileHeaders.setContentDisposition(ContentDisposition.formData().name("file").filename("letter.pdf").build());
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("kind", "REFERRAL_LETTER");
		body.add("file", new HttpEntity<>(new ByteArrayResource(content), fileHeaders));
		http.post()
			.uri("/api/patients/{id}/documents", patient)
			.header(HttpHeaders.AUTHORIZATION, COORDINATOR)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	/** A one-page PDF whose page says {@code text}. */
	static byte[] pdf(String text) {
		return """
				%%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
				3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj
				4 0 obj << >> stream
				BT /F1 12 Tf 20 100 Td (%s) Tj ET
				endstream endobj
				trailer << /Root 1 0 R >>
				%%%%EOF
				""".formatted(text).getBytes(StandardCharsets.US_ASCII);
	}

}
