package care.parcours.system.scenarios;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;
import care.parcours.system.ops.Operations;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboards and alerts of ops/ read metrics the platform really exports: the
 * platform started from the jars, a partner's booking played through the gateway (with
 * its webhook), then every process's {@code /actuator/prometheus} read, as Prometheus
 * would. A name a panel or an alert reads that no process exports fails here, before
 * someone on call looks at an empty graph or an alert that can never fire.
 */
class DashboardMetricsExportedIT {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final String BOOKED = "scheduling.appointment.booked.v1";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static RunningPlatform platform;

	private static Gateway coordinator;

	@BeforeAll
	static void platform() {
		platform = Platform.get();
		coordinator = new Gateway(platform.url(ServiceName.GATEWAY), "coordinator");
	}

	@Test
	void everyMetricADashboardOrAlertReadsIsExportedByARunningService() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			playABookingWithItsWebhook(receiver);
		}
		coordinator.as("billing").get("/api/quotes");

		Map<String, List<String>> used = Operations.metricNamesUsed();
		// A meter made on first use (a webhook attempt's) is registered just after what
		// the scenario waited for: scrape until nothing is missing, or the time is up.
		Map<ServiceName, Set<String>> exported = new TreeMap<>();
		Map<String, List<String>> missing = new TreeMap<>();
		try {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).pollInSameThread().until(() -> {
				exported.clear();
				for (ServiceName service : platform.services()) {
					exported.put(service, exportedNames(service));
				}
				missing.clear();
				missing.putAll(used);
				exported.values().forEach(names -> missing.keySet().removeAll(names));
				missing.keySet().removeAll(Operations.FROM_PROMETHEUS);
				missing.keySet().removeAll(Operations.recorded());
				missing.keySet().removeAll(Operations.PROVEN_ELSEWHERE.keySet());
				return missing.isEmpty();
			});
		}
		catch (ConditionTimeoutException ex) {
			// What is still missing is named below.
		}
		Set<String> all = exported.values()
			.stream()
			.flatMap(Set::stream)
			.collect(Collectors.toCollection(TreeSet::new));
		writeInventory(exported);
		System.out.printf(
				"Metric existence: %d names read by %d dashboard queries and %d rules, %d names exported "
						+ "by %d processes; proven elsewhere: %s; missing: %s%n",
				used.size(), Operations.dashboardQueries().size(), Operations.rules().size(), all.size(),
				exported.size(), Operations.PROVEN_ELSEWHERE, missing.keySet());

		assertThat(used).as("the dashboards and alerts read metrics").isNotEmpty();
		assertThat(missing)
			.as("names read by a dashboard or an alert (and where) that no running service exports; "
					+ "see target/exported-metrics.txt for what they do export")
			.isEmpty();
		// `up` is Prometheus' own: what it needs is that every process answers a scrape,
		// which exportedNames has shown by reading each.
		assertThat(exported.keySet()).containsExactlyInAnyOrder(ServiceName.values());
	}

	/**
	 * The network's busiest path, so that the meters made on first use exist: a clinic
	 * and its surgeon, the partner's own client pushing availability and registering a
	 * webhook, a patient's record, a booking, and its webhook delivered.
	 */
	private static void playABookingWithItsWebhook(WebhookReceiver receiver) {
		String partnerId = created(coordinator.post("/api/partners", """
				{"name": "Clinique des Tilleuls", "kind": "CLINIC", "country": "FR", "city": "Lyon",
				 "timeZone": "Europe/Paris", "specialties": ["orthopaedics"], "languages": ["fr"]}
				"""));
		String practitionerId = created(coordinator.post("/api/partners/" + partnerId + "/practitioners", """
				{"name": "Dr Hélène Marchal", "specialties": ["orthopaedics"], "languages": ["fr"]}
				"""));
		Gateway.Answer issued = await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> coordinator.as("admin").post("/api/partner-clients", """
					{"partnerId": "%s", "name": "Tilleuls front desk"}
					""".formatted(partnerId)), answer -> answer.status() == 201);
		Gateway partner = new Gateway(platform.url(ServiceName.GATEWAY), issued.body().path("clientId").asString(),
				issued.body().path("clientSecret").asString());

		LocalDate today = LocalDate.now(PARIS);
		Availability.openEveryDay(partner, practitionerId, "08:00", "18:00", List.of("IN_PERSON"), today, """
				{"code": "consultation", "durationMinutes": 30, "modes": ["IN_PERSON"]}""");
		assertThat(partner.post("/api/partners/" + partnerId + "/webhooks", """
				{"url": "%s", "description": "front desk", "eventTypes": ["%s"]}
				""".formatted(receiver.url(), BOOKED)).status()).isEqualTo(201);

		String patientId = created(coordinator.post("/api/patients", """
				{"givenName": "Inès", "familyName": "Berrada", "birthDate": "1990-09-14", "sex": "FEMALE",
				 "nationality": "MA", "countryOfResidence": "FR", "languages": ["fr"]}
				"""));
		Instant start = today.plusDays(3).atTime(LocalTime.of(11, 0)).atZone(PARIS).toInstant();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> coordinator.post("/api/appointments", """
					{"practitionerId": "%s", "patientId": "%s", "start": "%s",
					 "appointmentType": "consultation", "mode": "IN_PERSON"}
					""".formatted(practitionerId, patientId, start)), answer -> answer.status() == 201);

		await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());
	}

	private static String created(Gateway.Answer answer) {
		assertThat(answer.status()).as("created: %s", answer.body()).isEqualTo(201);
		return answer.body().path("id").asString();
	}

	/** The names of the samples a scrape returns, as Prometheus stores them. */
	private static Set<String> exportedNames(ServiceName service) throws IOException, InterruptedException {
		URI metrics = platform.managementUrl(service).resolve("/actuator/prometheus");
		HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(scrape.statusCode()).as("scrape of %s", metrics).isEqualTo(200);
		return scrape.body()
			.lines()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.map(line -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** What each process exports, for whoever writes the next panel. */
	private static void writeInventory(Map<ServiceName, Set<String>> exported) throws IOException {
		StringBuilder inventory = new StringBuilder();
		exported.forEach((service, names) -> names
			.forEach(name -> inventory.append(service.module()).append(' ').append(name).append('\n')));
		Path file = Path.of("target", "exported-metrics.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, inventory);
	}

}
