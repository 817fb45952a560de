package care.parcours.patient.patients;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import care.parcours.events.patient.PatientEvent;
import care.parcours.test.Metrics;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.patients.PatientFixtures.JSON;
import static care.parcours.patient.patients.PatientFixtures.registeredId;
import static care.parcours.patient.patients.PatientFixtures.yasmine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs everything this service does with a patient (register, edit, look up, search,
 * read, record consents, vital signs, notes and documents, export, erase), then looks for
 * the personal values it used in every place they must never reach: the Kafka records
 * published, the log output, the Prometheus output and a dump of the service's database.
 * It must find none of them in clear. The logs are ECS JSON lines, as in the containers:
 * the logging context (trace, span and correlation ids) is in each line too.
 */
@ParcoursTest(properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataScanIT {

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HikariDataSource dataSource;

	@Test
	void noPersonalValueOfTheScenarioIsFoundInEventsLogsMetricsOrTheDatabase(CapturedOutput output) throws Exception {
		ObjectNode kept = yasmine("scan-kept");
		ObjectNode erased = yasmine("scan-erased");
		ObjectNode revised = yasmine("scan-erased");
		revised.put("givenName", "Yasmina");
		revised.put("phone", "+33 (0)6 98 76 54 32");
		String keptNote = "Essoufflement a l'effort, adressee en cardiologie (kept)";
		String erasedNote = "Douleur thoracique atypique, suivi au domicile (erased)";
		String keptLetter = "Courrier-Zorglub-4471";
		String erasedLetter = "Courrier-Quixotl-9082";
		List<String> personal = new ArrayList<>(personalValues(kept, erased, revised));
		personal.addAll(List.of(keptNote, erasedNote, keptLetter, erasedLetter));
		// pg_dump writes bytea as hex: a value stored in clear in a bytea column shows
		// there only in that form.
		personal.addAll(personal.stream()
			.map(value -> HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)))
			.toList());

		UUID keptId;
		UUID id;
		try (PublishedEvents events = PublishedEvents.on(PatientEvent.TOPIC)) {
			keptId = registeredId(http, kept);
			id = registeredId(http, erased);
			http.put()
				.uri("/api/patients/{id}", id)
				.header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.body(revised.toString())
				.exchange()
				.expectStatus()
				.isOk();
			post("/api/patients/lookup", "{\"email\": \"%s\"}".formatted(revised.path("email").asString()));
			post("/api/patients/lookup", "{\"phone\": \"+33698765432\"}");
			post("/api/patients/search", "{\"familyName\": \"%s\", \"birthDate\": \"1984-03-02\"}"
				.formatted(revised.path("familyName").asString()));
			// A refused request: the problem and its log line must not quote the value
			// either.
			http.post()
				.uri("/api/patients")
				.contentType(MediaType.APPLICATION_JSON)
				.body(yasmine("scan-erased").toString())
				.exchange()
				.expectStatus()
				.isEqualTo(409);
			http.get().uri("/api/patients/{id}", keptId).exchange().expectStatus().isOk();
			// Clinical data of both: the kept patient's stays (sealed) for the dump to be
			// searched, the erased patient's goes with them.
			for (UUID patient : List.of(keptId, id)) {
				ClinicalFixtures.consent(http, patient);
				ClinicalFixtures.vitalSign(http, patient);
				ClinicalFixtures.note(http, patient, patient.equals(id) ? erasedNote : keptNote);
				ClinicalFixtures.document(http, patient,
						ClinicalFixtures.pdf(patient.equals(id) ? erasedLetter : keptLetter));
				http.get().uri("/api/patients/{id}/notes", patient).exchange().expectStatus().isOk();
				http.get().uri("/api/patients/{id}/vital-signs", patient).exchange().expectStatus().isOk();
				http.get().uri("/api/patients/{id}/documents", patient).exchange().expectStatus().isOk();
				http.get().uri("/api/patients/{id}/consents", patient).exchange().expectStatus().isOk();
			}
			http.get().uri("/api/patients/{id}/export", id).exchange().expectStatus().isOk();
			http.post()
				.uri("/api/patients/{id}/erasure", id)
				.header("If-Match", "\"1\"")
				.exchange()
				.expectStatus()
				.isOk();
			events.await(PublishedEvents.ofType("patient.patient.erased.v1").and(PublishedEvents.about(id.toString())));

			String kafka = String.join("\n", events.raw().stream().map(r -> r.key() + " " + r.value()).toList());
			assertThat(kafka).contains(id.toString());
			assertNoneIn("Kafka records", kafka, personal);
		}
		String prometheus = Metrics.scrape(http);
		assertThat(prometheus).contains("http_server_requests");
		assertNoneIn("Prometheus output", prometheus, personal);
		assertThat(output.getAll()).contains("patient-service").contains("\"ecs\":{\"version\"");
		assertNoneIn("log output", output.getAll(), personal);
		String dump = databaseDump();
		// The dump holds the rows: both patients, the tombstone and the record kept, and
		// the kept patient's sealed note and document.
		assertThat(dump).contains("patient_lookup", keptId.toString(), id.toString(), "clinical_note",
				"patient_document_content");
		assertNoneIn("database dump", dump, personal);
	}

	private void post(String uri, String body) {
		http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isOk();
	}

	/**
	 * The values a leak would show: names, e-mails, phones as sent and normalised,
	 * identifier numbers, the birth date in ISO form, the address, the emergency contact.
	 */
	private static List<String> personalValues(ObjectNode... identities) {
		List<String> values = new ArrayList<>(
				List.of("1984-03-02", "+33698765432", "Karim Benali", "12 rue des Orangers"));
		for (ObjectNode identity : identities) {
			values.add(identity.path("givenName").asString());
			values.add(identity.path("familyName").asString());
			values.add(identity.path("email").asString());
			values.add(identity.path("phone").asString());
			values.add(identity.path("phone").asString().replaceAll("[^+0-9]", ""));
			identity.path("identifiers").forEach(identifier -> values.add(identifier.path("value").asString()));
		}
		return values.stream().distinct().toList();
	}

	private static void assertNoneIn(String where, String text, List<String> personal) {
		String lower = text.toLowerCase();
		assertThat(personal.stream().filter(value -> lower.contains(value.toLowerCase())).toList())
			.as("personal values found in the %s", where)
			.isEmpty();
	}

	/**
	 * pg_dump of the service's database when the machine has it; else every column of
	 * every table of its schema, cast to text.
	 */
	private String databaseDump() throws IOException, InterruptedException {
		URI url = URI.create(dataSource.getJdbcUrl().substring("jdbc:".length()));
		String database = jdbc.sql("select current_database()").query(String.class).single();
		String user = jdbc.sql("select current_user").query(String.class).single();
		Path file = Files.createTempFile("parcours-patient-dump", ".sql");
		try {
			Process dump = new ProcessBuilder("pg_dump", "--host", url.getHost(), "--port",
					String.valueOf(url.getPort() < 0 ? 5432 : url.getPort()), "--username", user, "--no-password",
					"--dbname", database, "--file", file.toString())
				.redirectErrorStream(true)
				.start();
			if (dump.waitFor() == 0) {
				return Files.readString(file, StandardCharsets.UTF_8);
			}
		}
		catch (IOException ex) {
			// No pg_dump on this machine: read every column instead.
		}
		finally {
			Files.deleteIfExists(file);
		}
		return selectEverything();
	}

	private String selectEverything() {
		StringBuilder dump = new StringBuilder();
		for (String table : jdbc
			.sql("select table_name from information_schema.tables where table_schema = current_schema() "
					+ "and table_type = 'BASE TABLE'")
			.query(String.class)
			.list()) {
			dump.append(table).append('\n');
			jdbc.sql("select t::text from \"" + table + "\" t")
				.query(String.class)
				.list()
				.forEach(row -> dump.append(row).append('\n'));
		}
		return dump.toString();
	}

}
