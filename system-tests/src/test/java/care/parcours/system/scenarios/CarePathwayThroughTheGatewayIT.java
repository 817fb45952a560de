package care.parcours.system.scenarios;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import care.parcours.local.ServiceName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A patient's care pathway through the gateway alone: the coordinator opens it from the
 * sample orthopaedic template, books its steps in scheduling-service, and everything the
 * pathway then knows (steps scheduled, done, broken, rescheduled, its alerts, its
 * timeline, the whole pathway moved when the surgery slips) it learns from scheduling's
 * events, never by asking.
 */
class CarePathwayThroughTheGatewayIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final String ORTHOPAEDIC = "sample-orthopaedic-surgery-abroad";

	private static URI gatewayUrl;

	private static Gateway coordinator;

	private static Gateway admin;

	@BeforeAll
	static void platform() {
		gatewayUrl = Platform.get().url(ServiceName.GATEWAY);
		coordinator = new Gateway(gatewayUrl, "coordinator");
		admin = coordinator.as("admin");
	}

	@Test
	void aHipReplacementPathwayFollowsItsAppointmentsFromTheirEventsAlone() {
		// A clinic with an orthopaedic surgeon, open every day, and the patient.
		String partnerId = coordinator.post("/api/partners", """
				{"name": "Clinique du Parc", "kind": "CLINIC", "country": "FR", "city": "Lyon",
				 "timeZone": "Europe/Paris", "specialties": ["orthopaedics"], "languages": ["fr", "ar"]}
				""").body().path("id").asString();
		String surgeonId = coordinator.post("/api/partners/" + partnerId + "/practitioners", """
				{"name": "Dr Karim Benali", "specialties": ["orthopaedics"], "languages": ["fr", "ar"]}
				""").body().path("id").asString();
		openEveryDay(surgeonId);
		String patientId = coordinator.post("/api/patients", """
				{"givenName": "Youssef", "familyName": "Amrani", "birthDate": "1961-07-02", "sex": "MALE",
				 "nationality": "MA", "countryOfResidence": "MA", "languages": ["ar", "fr"]}
				""").body().path("id").asString();

		// The coordinator opens the pathway from the sample template, surgery in six
		// weeks.
		String templateId = sampleTemplate(ORTHOPAEDIC);
		Instant surgery = LocalDate.now(PARIS).plusDays(42).atTime(8, 0).atZone(PARIS).toInstant();
		Gateway.Answer opened = coordinator.post("/api/pathways", """
				{"patientId": "%s", "templateId": "%s", "anchorAt": "%s", "partnerId": "%s"}
				""".formatted(patientId, templateId, surgery, partnerId));
		assertThat(opened.status()).isEqualTo(201);
		String pathway = "/api/pathways/" + opened.body().path("id").asString();
		String pathwayId = opened.body().path("id").asString();
		assertThat(texts(opened.body().path("steps"), "status")).hasSize(11).containsOnly("PLANNED");
		assertThat(step(opened.body(), "surgery").path("dueAt").asString()).isEqualTo(surgery.toString());
		assertThat(step(opened.body(), "pre-op").path("dueAt").asString())
			.isEqualTo(surgery.minus(1, ChronoUnit.DAYS).toString());

		// The teleconsultation with the surgeon, at the first free time: booked for its
		// step, it schedules the step; held and completed, it is done.
		Instant soon = firstFreeSlot(surgeonId, "teleconsultation");
		Gateway.Answer teleconsultation = book(surgeonId, patientId, soon, "teleconsultation", "TELECONSULTATION",
				pathwayId, stepId(opened.body(), "teleconsultation"));
		assertThat(teleconsultation.status()).isEqualTo(201);
		String teleconsultationId = teleconsultation.body().path("id").asString();
		awaitStep(pathway, "teleconsultation",
				step -> step.path("status").asString().equals("SCHEDULED")
						&& step.path("dueAt").asString().equals(soon.toString())
						&& step.path("bookingId").asString().equals(teleconsultationId));
		Gateway.Answer checkedIn = coordinator.post("/api/appointments/" + teleconsultationId + "/check-in", "{}",
				teleconsultation.etag());
		assertThat(checkedIn.status()).isEqualTo(200);
		assertThat(coordinator.post("/api/appointments/" + teleconsultationId + "/complete", "{}", checkedIn.etag())
			.status()).isEqualTo(200);
		awaitStep(pathway, "teleconsultation", step -> step.path("status").asString().equals("DONE"));

		// The pre-operative consultation, the surgery and the first follow-up are booked.
		Instant preOp = surgery.minus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS);
		String preOpId = book(surgeonId, patientId, preOp, "pre-operative-consultation", "IN_PERSON", pathwayId,
				stepId(opened.body(), "pre-op"))
			.body()
			.path("id")
			.asString();
		String surgeryId = book(surgeonId, patientId, surgery, "surgery", "IN_PERSON", pathwayId,
				stepId(opened.body(), "surgery"))
			.body()
			.path("id")
			.asString();
		Instant followUp = surgery.plus(7, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS);
		Gateway.Answer firstFollowUp = book(surgeonId, patientId, followUp, "follow-up", "IN_PERSON", pathwayId,
				stepId(opened.body(), "follow-up-7"));
		assertThat(firstFollowUp.status()).isEqualTo(201);
		for (String key : List.of("pre-op", "surgery", "follow-up-7")) {
			awaitStep(pathway, key, step -> step.path("status").asString().equals("SCHEDULED"));
		}

		// The follow-up is cancelled: the step breaks and the pathway raises an alert,
		// which puts it at the top of the coordinator's work list.
		assertThat(coordinator.post("/api/appointments/" + firstFollowUp.body().path("id").asString() + "/cancel", """
				{"reason": "PRACTITIONER_UNAVAILABLE"}
				""", firstFollowUp.etag()).status()).isEqualTo(200);
		awaitStep(pathway, "follow-up-7", step -> step.path("status").asString().equals("BROKEN"));
		JsonNode alert = openAlerts(coordinator.get(pathway).body()).getFirst();
		assertThat(alert.path("kind").asString()).isEqualTo("APPOINTMENT_CANCELLED");
		assertThat(alert.path("stepId").asString()).isEqualTo(stepId(opened.body(), "follow-up-7"));
		JsonNode workItem = workListItem(pathwayId);
		assertThat(workItem.path("openAlerts").asInt()).isEqualTo(1);
		assertThat(texts(workItem.path("alertKinds"))).containsExactly("APPOINTMENT_CANCELLED");

		// Booked again a day later, the step is scheduled and its alert resolves itself.
		Instant rebooked = followUp.plus(1, ChronoUnit.DAYS);
		assertThat(book(surgeonId, patientId, rebooked, "follow-up", "IN_PERSON", pathwayId,
				stepId(opened.body(), "follow-up-7"))
			.status()).isEqualTo(201);
		awaitStep(pathway, "follow-up-7", step -> step.path("status").asString().equals("SCHEDULED")
				&& step.path("dueAt").asString().equals(rebooked.toString()));
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> openAlerts(coordinator.get(pathway).body()).isEmpty());

		// The pre-operative consultation moves to the afternoon: the step follows.
		Gateway.Answer preOpRead = coordinator.get("/api/appointments/" + preOpId);
		Instant afternoon = preOp.plus(4, ChronoUnit.HOURS);
		assertThat(coordinator.post("/api/appointments/" + preOpId + "/reschedule", """
				{"start": "%s"}
				""".formatted(afternoon), preOpRead.etag()).status()).isEqualTo(200);
		awaitStep(pathway, "pre-op", step -> step.path("dueAt").asString().equals(afternoon.toString()));

		// The patient's flight slips by two days: one request moves the whole pathway.
		// Unbooked steps follow at once; scheduling moves the booked appointments as one
		// chain and the pathway hears it.
		Gateway.Answer current = coordinator.get(pathway);
		Instant later = surgery.plus(2, ChronoUnit.DAYS);
		Gateway.Answer move = coordinator.post(pathway + "/anchor", """
				{"anchorAt": "%s"}
				""".formatted(later), current.etag());
		assertThat(move.status()).isEqualTo(202);
		assertThat(step(coordinator.get(pathway).body(), "travel").path("dueAt").asString())
			.isEqualTo(later.minus(2, ChronoUnit.DAYS).toString());
		String moveUrl = pathway + "/moves/" + move.body().path("id").asString();
		Gateway.Answer applied = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> coordinator.get(moveUrl),
					answer -> !answer.body().path("status").asString().equals("PENDING"));
		assertThat(applied.body().path("status").asString()).isEqualTo("APPLIED");
		assertThat(coordinator.get("/api/appointments/" + surgeryId).body().path("start").asString())
			.isEqualTo(later.toString());
		awaitStep(pathway, "surgery", step -> step.path("dueAt").asString().equals(later.toString()));
		// The pre-operative consultation kept its distance to the surgery within its
		// step's tolerance (twelve hours), where the surgeon had time; the step is due
		// at its appointment's new start.
		Instant preOpMoved = Instant
			.parse(coordinator.get("/api/appointments/" + preOpId).body().path("start").asString());
		assertThat(Duration.between(afternoon.plus(2, ChronoUnit.DAYS), preOpMoved).abs())
			.isLessThanOrEqualTo(Duration.ofHours(12));
		awaitStep(pathway, "pre-op", step -> step.path("dueAt").asString().equals(preOpMoved.toString()));

		// The timeline tells the story in the order it happened.
		Gateway.Answer timeline = coordinator.get(pathway + "/timeline?order=OLDEST&size=100");
		assertThat(timeline.status()).isEqualTo(200);
		assertThat(texts(timeline.body().path("content"), "what")).contains("APPOINTMENT_BOOKED",
				"APPOINTMENT_CHECKED_IN", "APPOINTMENT_COMPLETED", "APPOINTMENT_CANCELLED", "APPOINTMENT_RESCHEDULED");
		List<String> teleconsultationStory = StreamSupport.stream(timeline.body().path("content").spliterator(), false)
			.filter(entry -> entry.path("source").asString().equals(teleconsultationId))
			.map(entry -> entry.path("what").asString())
			.toList();
		assertThat(teleconsultationStory).containsExactly("APPOINTMENT_BOOKED", "APPOINTMENT_CHECKED_IN",
				"APPOINTMENT_COMPLETED");

		// The clinic's own system follows the steps of the pathway at its organisation,
		// without learning who the patient is (no consent names the clinic).
		Gateway.Answer issued = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> admin.post("/api/partner-clients", """
					{"partnerId": "%s", "name": "Clinique du Parc planning"}
					""".formatted(partnerId)), answer -> answer.status() == 201);
		Gateway clinic = new Gateway(gatewayUrl, issued.body().path("clientId").asString(),
				issued.body().path("clientSecret").asString());
		Gateway.Answer seenByClinic = clinic.get(pathway);
		assertThat(seenByClinic.status()).isEqualTo(200);
		assertThat(step(seenByClinic.body(), "surgery").path("status").asString()).isEqualTo("SCHEDULED");
		assertThat(seenByClinic.body().has("patientId")).isFalse();
	}

	/** The practitioner's availability, every day from midnight to 23:30 in Paris. */
	private static void openEveryDay(String practitionerId) {
		Availability.openEveryDay(coordinator, practitionerId, "00:00", "23:30",
				List.of("IN_PERSON", "TELECONSULTATION"), LocalDate.now(PARIS).minusDays(1), """
						{"code": "teleconsultation", "durationMinutes": 30, "modes": ["TELECONSULTATION"]},
						{"code": "pre-operative-consultation", "durationMinutes": 30, "modes": ["IN_PERSON"]},
						{"code": "surgery", "durationMinutes": 120, "modes": ["IN_PERSON"]},
						{"code": "follow-up", "durationMinutes": 30, "modes": ["IN_PERSON"]}""");
	}

	private static String sampleTemplate(String code) {
		Gateway.Answer templates = coordinator.get("/api/pathway-templates?size=100");
		assertThat(templates.status()).isEqualTo(200);
		return StreamSupport.stream(templates.body().path("content").spliterator(), false)
			.filter(template -> template.path("code").asString().equals(code))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no template " + code + " in " + templates.body()))
			.path("id")
			.asString();
	}

	/** Within two hours, so that the patient can be checked in straight away. */
	private static Instant firstFreeSlot(String practitionerId, String appointmentType) {
		Instant now = Instant.now();
		Gateway.Answer slots = coordinator.get("/api/slots?practitionerId=%s&appointmentType=%s&from=%s&to=%s&size=1"
			.formatted(practitionerId, appointmentType, now, now.plus(2, ChronoUnit.HOURS)));
		assertThat(slots.status()).isEqualTo(200);
		JsonNode first = slots.body().path("content").path(0);
		assertThat(first.isMissingNode()).as("a free slot in the next two hours: %s", slots.body()).isFalse();
		return Instant.parse(first.path("start").asString());
	}

	private static Gateway.Answer book(String practitionerId, String patientId, Instant start, String type, String mode,
			String pathwayId, String stepId) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> coordinator.post("/api/appointments", """
					{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "%s",
					 "mode": "%s", "pathwayId": "%s", "stepId": "%s"}
					""".formatted(practitionerId, patientId, start, type, mode, pathwayId, stepId)),
					answer -> answer.status() == 201);
	}

	private static JsonNode awaitStep(String pathway, String key, Predicate<JsonNode> condition) {
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> step(coordinator.get(pathway).body(), key), condition);
	}

	private static JsonNode step(JsonNode pathway, String key) {
		return StreamSupport.stream(pathway.path("steps").spliterator(), false)
			.filter(step -> step.path("key").asString().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no step " + key + " in " + pathway));
	}

	private static String stepId(JsonNode pathway, String key) {
		return step(pathway, key).path("id").asString();
	}

	private static List<JsonNode> openAlerts(JsonNode pathway) {
		return StreamSupport.stream(pathway.path("alerts").spliterator(), false)
			.filter(alert -> alert.path("resolvedAt").isMissingNode() || alert.path("resolvedAt").isNull())
			.toList();
	}

	private static JsonNode workListItem(String pathwayId) {
		Gateway.Answer page = coordinator.get("/api/pathways?hasAlerts=true&size=100");
		assertThat(page.status()).isEqualTo(200);
		return StreamSupport.stream(page.body().path("content").spliterator(), false)
			.filter(item -> item.path("pathwayId").asString().equals(pathwayId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("pathway " + pathwayId + " not in the work list " + page.body()));
	}

	private static List<String> texts(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
	}

	private static List<String> texts(JsonNode array, String field) {
		return StreamSupport.stream(array.spliterator(), false).map(item -> item.path(field).asString()).toList();
	}

}
