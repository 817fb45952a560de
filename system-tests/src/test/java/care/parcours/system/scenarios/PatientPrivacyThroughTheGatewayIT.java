package care.parcours.system.scenarios;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import care.parcours.local.ServiceName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A patient's record through the gateway alone, as the people and systems around it would
 * use it: the coordinator registers and edits it, records and withdraws the patient's
 * consent to share it with a clinic, the clinic's system reads it only while that consent
 * holds, clinical data and a document go in and come back, the administrator reads who
 * saw the record, the coordinator exports it and the administrator erases it, after which
 * the record is gone and scheduling refuses to book the patient.
 */
class PatientPrivacyThroughTheGatewayIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final String PROBLEMS = "https://parcours.care/problems/";

	/** A French NIR whose key is right: 97 − (2840375115004 mod 97) = 53. */
	private static final String NIR = "2 84 03 75 115 004 53";

	/** The smallest file Apache Tika reads as a PDF from its bytes. */
	private static final byte[] PDF = """
			%PDF-1.4
			1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
			2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
			trailer << /Root 1 0 R >>
			%%EOF
			""".getBytes(StandardCharsets.US_ASCII);

	private static URI gatewayUrl;

	private static Gateway coordinator;

	private static Gateway assistant;

	private static Gateway admin;

	@BeforeAll
	static void platform() {
		gatewayUrl = Platform.get().url(ServiceName.GATEWAY);
		coordinator = new Gateway(gatewayUrl, "coordinator");
		assistant = coordinator.as("assistant");
		admin = coordinator.as("admin");
	}

	@Test
	void aPatientsRecordIsSharedOnlyUnderConsentAuditedExportedAndErasedThroughTheGateway() throws Exception {
		// A clinic joins the network with a surgeon, and gets a client for its own
		// system.
		String partnerId = coordinator.post("/api/partners", """
				{"name": "Clinique Saint-Roch", "kind": "CLINIC", "country": "FR", "city": "Montpellier",
				 "timeZone": "Europe/Paris", "specialties": ["orthopaedics"], "languages": ["fr", "ar"]}
				""").body().path("id").asString();
		String practitionerId = coordinator.post("/api/partners/" + partnerId + "/practitioners", """
				{"name": "Dr Hélène Marchal", "specialties": ["orthopaedics"], "languages": ["fr"]}
				""").body().path("id").asString();
		Gateway.Answer issued = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> admin.post("/api/partner-clients", """
					{"partnerId": "%s", "name": "Saint-Roch front desk"}
					""".formatted(partnerId)), answer -> answer.status() == 201);
		String partnerClientId = issued.body().path("clientId").asString();
		Gateway clinic = new Gateway(gatewayUrl, partnerClientId, issued.body().path("clientSecret").asString());

		// The coordinator registers the patient, with her French social security number.
		Gateway.Answer registered = coordinator.post("/api/patients", identity("+33 6 12 34 56 78"));
		assertThat(registered.status()).isEqualTo(201);
		String patientId = registered.body().path("id").asString();
		String patient = "/api/patients/" + patientId;

		Gateway.Answer read = coordinator.get(patient);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.body().path("familyName").asString()).isEqualTo("Lefèvre");
		assertThat(read.body().path("identifiers").path(0).path("value").asString()).isEqualTo("284037511500453");
		assertThat(read.etag()).isEqualTo("\"0\"");

		// She moved: the coordinator edits the record on the version she read.
		Gateway.Answer edited = coordinator.put(patient, identity("+33 7 98 76 54 32"), read.etag());
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.body().path("phone").asString()).isEqualTo("+33798765432");
		assertThat(edited.etag()).isNotEqualTo(read.etag());
		Gateway.Answer stale = coordinator.put(patient, identity("+33 6 00 00 00 00"), read.etag());
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body().path("type").asString()).isEqualTo(PROBLEMS + "stale-version");
		assertThat(coordinator.get(patient).body().path("phone").asString()).isEqualTo("+33798765432");

		// A colleague registering her again is told she is already there.
		Gateway.Answer duplicate = assistant.post("/api/patients", identity("+33 6 12 34 56 78"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.contentType()).startsWith("application/problem+json");
		assertThat(duplicate.body().path("type").asString()).isEqualTo(PROBLEMS + "patient-already-registered");
		assertThat(texts(duplicate.body().path("existingPatientIds"))).containsExactly(patientId);

		// Another patient, who never agreed to share anything with the clinic.
		String otherPatientId = coordinator.post("/api/patients", """
				{"givenName": "Wouter", "familyName": "Claes", "birthDate": "1990-01-01", "sex": "MALE",
				 "nationality": "BE", "countryOfResidence": "BE", "languages": ["nl", "fr"],
				 "identifiers": [{"type": "BE_NATIONAL_REGISTER", "value": "90.01.01-001.%s"}]}
				""".formatted(belgianCheck("900101001"))).body().path("id").asString();

		// The patient signs her consent to share her record with the clinic.
		Gateway.Answer consent = coordinator.post(patient + "/consents", """
				{"purpose": "SHARING_WITH_PARTNER", "partnerId": "%s", "method": "SIGNED_FORM"}
				""".formatted(partnerId));
		assertThat(consent.status()).isEqualTo(201);
		String consentId = consent.body().path("id").asString();

		// The clinic sees what it needs to welcome her, and nothing else.
		Gateway.Answer seenByClinic = clinic.get(patient);
		assertThat(seenByClinic.status()).isEqualTo(200);
		assertThat(seenByClinic.body().path("familyName").asString()).isEqualTo("Lefèvre");
		assertThat(seenByClinic.body().path("preferredLanguage").asString()).isEqualTo("fr");
		assertThat(seenByClinic.body().has("identifiers")).isFalse();
		assertThat(seenByClinic.body().has("phone")).isFalse();
		assertThat(seenByClinic.body().has("email")).isFalse();
		assertThat(seenByClinic.body().has("address")).isFalse();
		assertThat(seenByClinic.body().has("emergencyContact")).isFalse();

		// The other patient's record is refused to it, naming the consent missing.
		Gateway.Answer refused = clinic.get("/api/patients/" + otherPatientId);
		assertConsentRequired(refused, partnerId);

		// She withdraws her consent: the clinic is refused from then on.
		Gateway.Answer withdrawn = coordinator.post(patient + "/consents/" + consentId + "/withdrawal", """
				{"method": "ORAL"}
				""", consent.etag());
		assertThat(withdrawn.status()).isEqualTo(200);
		assertThat(withdrawn.body().path("current").asBoolean()).isFalse();
		assertConsentRequired(clinic.get(patient), partnerId);

		// Before her consultation, the assistant records her vital signs and files her
		// referral letter; the coordinator reads both back.
		Gateway.Answer vitals = assistant.post(patient + "/vital-signs", """
				{"systolicBloodPressure": 128, "diastolicBloodPressure": 82, "bodyWeight": 64.5, "heartRate": 71}
				""");
		assertThat(vitals.status()).isEqualTo(201);
		Gateway.Answer vitalSigns = coordinator.get(patient + "/vital-signs");
		assertThat(vitalSigns.status()).isEqualTo(200);
		assertThat(StreamSupport.stream(vitalSigns.body().path("content").spliterator(), false)
			.collect(Collectors.toMap(item -> item.path("code").asString(), item -> item.path("unit").asString())))
			.containsEntry("8480-6", "mm[Hg]")
			.containsEntry("8462-4", "mm[Hg]")
			.containsEntry("29463-7", "kg")
			.containsEntry("8867-4", "/min");

		Gateway.Answer uploaded = assistant.upload(patient + "/documents", Map.of("kind", "REFERRAL_LETTER"),
				"referral-lefevre.pdf", "application/pdf", PDF);
		assertThat(uploaded.status()).isEqualTo(201);
		assertThat(uploaded.body().path("mediaType").asString()).isEqualTo("application/pdf");
		assertThat(uploaded.body().path("sha256").asString())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
		String documentId = uploaded.body().path("id").asString();
		Gateway.Answer downloaded = coordinator.get(patient + "/documents/" + documentId);
		assertThat(downloaded.status()).isEqualTo(200);
		assertThat(downloaded.contentType()).startsWith("application/pdf");
		assertThat(downloaded.bytes()).isEqualTo(PDF);

		// The administrator sees, in the patient's trail, the clinic's read allowed under
		// consent and the one refused after the withdrawal...
		Gateway.Answer trail = admin.get(patient + "/audit?size=100");
		assertThat(trail.status()).isEqualTo(200);
		assertThat(accessesBy(partnerClientId, trail)).containsExactlyInAnyOrder("READ ALLOWED " + patientId,
				"READ REFUSED " + patientId);
		assertThat(texts(trail.body().path("content"), "action")).contains("CREATE", "UPDATE", "CONSENT_GRANT",
				"CONSENT_WITHDRAW", "RECORD_OBSERVATIONS", "READ_OBSERVATIONS", "UPLOAD_DOCUMENT", "DOWNLOAD_DOCUMENT");
		// ...and in the clinic's own trail, every read it tried, the other patient's too.
		Gateway.Answer byClinic = admin.get("/api/audit?size=100&user=" + partnerClientId);
		assertThat(byClinic.status()).isEqualTo(200);
		assertThat(accessesBy(partnerClientId, byClinic)).containsExactlyInAnyOrder("READ ALLOWED " + patientId,
				"READ REFUSED " + patientId, "READ REFUSED " + otherPatientId);
		// The trail is the administrator's alone.
		assertThat(coordinator.get(patient + "/audit").status()).isEqualTo(403);
		assertThat(clinic.get("/api/audit?user=" + partnerClientId).status()).isEqualTo(403);

		// Scheduling knows her: the surgeon opens her week and the coordinator books her.
		openTheWeek(practitionerId);
		LocalDate inTwoDays = LocalDate.now(PARIS).plusDays(2);
		Gateway.Answer booked = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> book(practitionerId, patientId, inTwoDays.atTime(10, 0)), answer -> answer.status() == 201);
		assertThat(booked.body().path("patientId").asString()).isEqualTo(patientId);

		// She asks for everything held about her: one document, every section there.
		Gateway.Answer export = coordinator.get(patient + "/export");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.body().path("patientId").asString()).isEqualTo(patientId);
		assertThat(export.body().path("record").path("familyName").asString()).isEqualTo("Lefèvre");
		assertThat(export.body().path("consents").path(0).path("id").asString()).isEqualTo(consentId);
		assertThat(export.body().path("vitalSigns")).hasSize(4);
		assertThat(export.body().path("documents").path(0).path("id").asString()).isEqualTo(documentId);
		assertThat(export.body().path("accessReport").size()).isGreaterThan(5);
		assertThat(export.body().has("allergies")).isTrue();
		assertThat(export.body().has("medication")).isTrue();
		assertThat(export.body().has("notes")).isTrue();

		// Then she asks to be forgotten: the administrator erases her, on the version
		// read.
		Gateway.Answer current = admin.get(patient);
		Gateway.Answer erased = admin.post(patient + "/erasure", "{}", current.etag());
		assertThat(erased.status()).isEqualTo(200);
		assertThat(erased.body().path("erasedAt").asString()).isNotBlank();

		Gateway.Answer gone = coordinator.get(patient);
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.contentType()).startsWith("application/problem+json");
		assertThat(gone.body().path("type").asString()).isEqualTo(PROBLEMS + "patient-erased");
		assertThat(coordinator.get(patient + "/documents/" + documentId).status()).isEqualTo(410);

		// Scheduling hears of it and books her no more.
		Gateway.Answer unknown = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> book(practitionerId, patientId, inTwoDays.atTime(14, 0)), answer -> answer.status() != 201);
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body().path("type").asString()).isEqualTo(PROBLEMS + "unknown-patient");
	}

	private static String identity(String phone) {
		return """
				{"givenName": "Camille", "familyName": "Lefèvre", "birthDate": "1984-03-14", "sex": "FEMALE",
				 "nationality": "FR", "countryOfResidence": "FR", "languages": ["fr", "en"],
				 "email": "camille.lefevre@example.org", "phone": "%s",
				 "address": {"lines": ["12 rue des Tanneurs"], "postalCode": "34000", "city": "Montpellier",
				             "country": "FR"},
				 "emergencyContact": {"name": "Jules Lefèvre", "relationship": "brother", "phone": "+33 6 55 44 33 22"},
				 "identifiers": [{"type": "FR_NIR", "value": "%s"}]}
				""".formatted(phone, NIR);
	}

	/**
	 * The Belgian register's check on the first nine digits, for someone born before
	 * 2000.
	 */
	private static String belgianCheck(String nineDigits) {
		return "%02d".formatted(97 - Long.parseLong(nineDigits) % 97);
	}

	private static void assertConsentRequired(Gateway.Answer answer, String partnerId) {
		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body().path("type").asString()).isEqualTo(PROBLEMS + "consent-required");
		assertThat(answer.body().path("purpose").asString()).isEqualTo("SHARING_WITH_PARTNER");
		assertThat(answer.body().path("partnerId").asString()).isEqualTo(partnerId);
		assertThat(answer.body().has("familyName")).isFalse();
	}

	/** What a trail says the actor did: action, outcome and patient of each entry. */
	private static List<String> accessesBy(String actor, Gateway.Answer trail) {
		return StreamSupport.stream(trail.body().path("content").spliterator(), false)
			.filter(entry -> entry.path("actor").asString().equals(actor))
			.map(entry -> entry.path("action").asString() + " " + entry.path("outcome").asString() + " "
					+ entry.path("patientId").asString())
			.toList();
	}

	private static List<String> texts(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
	}

	private static List<String> texts(JsonNode array, String field) {
		return StreamSupport.stream(array.spliterator(), false).map(item -> item.path(field).asString()).toList();
	}

	/**
	 * The practitioner's week, every day 08:00 to 18:00, once scheduling opened the
	 * schedule.
	 */
	private static void openTheWeek(String practitionerId) {
		Availability.openEveryDay(coordinator, practitionerId, "08:00", "18:00", List.of("IN_PERSON"),
				LocalDate.now(PARIS), """
						{"code": "consultation", "durationMinutes": 30, "modes": ["IN_PERSON"]}""");
	}

	private static Gateway.Answer book(String practitionerId, String patientId, LocalDateTime at) {
		Instant start = at.atZone(PARIS).toInstant();
		return coordinator.post("/api/appointments", """
				{"practitionerId": "%s", "patientId": "%s", "start": "%s",
				 "appointmentType": "consultation", "mode": "IN_PERSON"}
				""".formatted(practitionerId, patientId, start));
	}

}
