package care.parcours.system.scenarios;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import care.parcours.local.ServiceName;
import care.parcours.system.scenarios.TraceReceiver.ReceivedSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One booking is one trace: the front end's request enters the gateway, which forwards it
 * to scheduling-service; scheduling writes the booked event to its outbox, its relay
 * sends it to Kafka in a span of the same trace, patient-service folds it into the
 * pathway's timeline in a consumer span of that trace again, and partner-service's
 * webhook attempt to the clinic is a span of it too. Every process exports its spans over
 * OTLP to the test's {@link TraceReceiver}, as they would to the collector under docker
 * compose.
 */
class BookingTraceThroughTheGatewayIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Gateway coordinator;

	@BeforeAll
	static void platform() {
		URI gatewayUrl = Platform.get().url(ServiceName.GATEWAY);
		coordinator = new Gateway(gatewayUrl, "coordinator");
	}

	@Test
	void oneBookingIsOneTraceFromTheGatewayThroughKafkaToThePathwayTimeline() throws Exception {
		String partnerId = coordinator.post("/api/partners", """
				{"name": "Clinique des Traces", "kind": "CLINIC", "country": "FR", "city": "Lille",
				 "timeZone": "Europe/Paris", "specialties": ["orthopaedics"], "languages": ["fr"]}
				""").body().path("id").asString();
		String surgeonId = coordinator.post("/api/partners/" + partnerId + "/practitioners", """
				{"name": "Dr Traceur", "specialties": ["orthopaedics"], "languages": ["fr"]}
				""").body().path("id").asString();
		openEveryDay(surgeonId);
		String patientId = coordinator.post("/api/patients", """
				{"givenName": "Ophelie", "familyName": "Tracemont", "birthDate": "1977-11-23", "sex": "FEMALE",
				 "nationality": "FR", "countryOfResidence": "FR", "languages": ["fr"]}
				""").body().path("id").asString();
		Instant surgery = LocalDate.now(PARIS).plusDays(42).atTime(8, 0).atZone(PARIS).toInstant();
		Gateway.Answer opened = coordinator.post("/api/pathways", """
				{"patientId": "%s", "templateId": "%s", "anchorAt": "%s", "partnerId": "%s"}
				""".formatted(patientId, orthopaedicTemplate(), surgery, partnerId));
		assertThat(opened.status()).isEqualTo(201);
		String pathway = "/api/pathways/" + opened.body().path("id").asString();
		String stepId = step(opened.body(), "teleconsultation").path("id").asString();

		// The clinic hears of its bookings through a webhook.
		try (WebhookReceiver clinic = WebhookReceiver.start()) {
			assertThat(coordinator.as("admin").post("/api/partners/" + partnerId + "/webhooks", """
					{"url": "%s", "description": "front desk", "eventTypes": ["scheduling.appointment.booked.v1"]}
					""".formatted(clinic.url())).status()).isEqualTo(201);

			// The front end starts the trace: its own span is the parent of the
			// gateway's.
			String traceId = randomHex(16);
			String frontEndSpan = randomHex(8);
			String booking = """
					{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "teleconsultation",
					 "mode": "TELECONSULTATION", "pathwayId": "%s", "stepId": "%s"}
					""".formatted(surgeonId, patientId, firstFreeSlot(surgeonId), opened.body().path("id").asString(),
					stepId);
			Gateway.Answer booked = coordinator.post("/api/appointments", booking,
					Map.of("traceparent", "00-" + traceId + "-" + frontEndSpan + "-01"));
			assertThat(booked.status()).isEqualTo(201);
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> step(coordinator.get(pathway).body(), "teleconsultation").path("status").asString(),
						"SCHEDULED"::equals);
			await().atMost(Duration.ofSeconds(30)).until(clinic::received, received -> !received.isEmpty());

			// patient-service's consumer span and partner-service's webhook attempt, and
			// the chain of parents from each back to the front end's span: every hop in
			// between is a span of this trace.
			List<ReceivedSpan> timeline = backToTheFrontEnd(traceId, frontEndSpan, "patient-service", "CONSUMER");
			assertThat(hops(timeline)).as("from patient-service's consumer back to the gateway")
				.containsSubsequence("patient-service CONSUMER", "scheduling-service PRODUCER",
						"scheduling-service SERVER", "gateway CLIENT", "gateway SERVER");
			assertThat(timeline).extracting(ReceivedSpan::name).contains("parcours.scheduling.v1 send");
			List<ReceivedSpan> webhook = backToTheFrontEnd(traceId, frontEndSpan, "partner-service", "CLIENT");
			assertThat(hops(webhook)).as("from partner-service's webhook attempt back to the gateway")
				.containsSubsequence("partner-service CLIENT", "partner-service CONSUMER",
						"scheduling-service PRODUCER", "scheduling-service SERVER", "gateway CLIENT", "gateway SERVER");
			assertThat(webhook.getFirst().name()).isEqualTo("webhook post");
			System.out.printf("One booking, one trace %s:%n  %s%n  %s%n", traceId, String.join(" <- ", hops(timeline)),
					String.join(" <- ", hops(webhook)));
		}

		// The processes wrote ECS JSON lines, and none of them names the patient.
		Path logs = Path.of(System.getProperty("parcours.repository.root", ".."), "system-tests/target/platform-logs");
		List<String> lines = new ArrayList<>();
		try (var files = Files.list(logs)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				lines.addAll(Files.readAllLines(file));
			}
		}
		List<JsonNode> json = lines.stream().filter(line -> line.startsWith("{")).map(JSON::readTree).toList();
		assertThat(json).isNotEmpty()
			.allSatisfy(line -> assertThat(line.path("ecs").path("version").isString()).isTrue());
		assertThat(lines)
			.noneMatch(line -> line.contains("Tracemont") || line.contains("Ophelie") || line.contains("1977-11-23"));
	}

	/**
	 * The first span of the service and kind in the trace, then its parent, its parent's
	 * parent… up to the span whose parent is the front end's.
	 */
	private static List<ReceivedSpan> backToTheFrontEnd(String traceId, String frontEndSpan, String service,
			String kind) {
		TraceReceiver traces = Platform.traces();
		ReceivedSpan first = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> traces.trace(traceId)
				.stream()
				.filter(span -> span.service().equals(service) && span.kind().equals(kind))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		List<ReceivedSpan> chain = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> ancestry(traces, first), spans -> spans.getLast().parentSpanId().equals(frontEndSpan));
		assertThat(chain).extracting(ReceivedSpan::traceId).containsOnly(traceId);
		return chain;
	}

	private static List<String> hops(List<ReceivedSpan> chain) {
		return chain.stream().map(span -> span.service() + " " + span.kind()).toList();
	}

	/** The span, its parent, its parent's parent… as far as the spans received go. */
	private static List<ReceivedSpan> ancestry(TraceReceiver traces, ReceivedSpan span) {
		List<ReceivedSpan> chain = new ArrayList<>(List.of(span));
		Optional<ReceivedSpan> parent = traces.span(span.traceId(), span.parentSpanId());
		while (parent.isPresent()) {
			chain.add(parent.get());
			parent = traces.span(span.traceId(), parent.get().parentSpanId());
		}
		return chain;
	}

	private static void openEveryDay(String practitionerId) {
		Availability.openEveryDay(coordinator, practitionerId, "00:00", "23:30", List.of("TELECONSULTATION"),
				LocalDate.now(PARIS).minusDays(1), """
						{"code": "teleconsultation", "durationMinutes": 30, "modes": ["TELECONSULTATION"]}""");
	}

	private static String orthopaedicTemplate() {
		Gateway.Answer templates = coordinator.get("/api/pathway-templates?size=100");
		return StreamSupport.stream(templates.body().path("content").spliterator(), false)
			.filter(template -> template.path("code").asString().equals("sample-orthopaedic-surgery-abroad"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
	}

	private static Instant firstFreeSlot(String practitionerId) {
		Instant now = Instant.now();
		return await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> coordinator
				.get("/api/slots?practitionerId=%s&appointmentType=teleconsultation&from=%s&to=%s&size=1"
					.formatted(practitionerId, now, now.plus(2, ChronoUnit.DAYS)))
				.body()
				.path("content")
				.path(0), first -> !first.isMissingNode())
			.path("start")
			.asString()
			.transform(Instant::parse);
	}

	private static JsonNode step(JsonNode pathway, String key) {
		return StreamSupport.stream(pathway.path("steps").spliterator(), false)
			.filter(step -> step.path("key").asString().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no step " + key + " in " + pathway));
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
