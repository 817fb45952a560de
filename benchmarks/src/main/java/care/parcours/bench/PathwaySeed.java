package care.parcours.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Care pathways opened over patient-service's API as coordinators open them: one template
 * of 8 steps (an orthopaedic surgery abroad, anchored on the surgery), then pathways from
 * it for registered patients, shared among a few coordinators and partner clinics,
 * anchored over the next six months. A share of them is anchored so that their first
 * steps are already past due: the service's overdue watch raises alerts on those, which
 * puts them first in the work list as a coordinator's day would.
 */
final class PathwaySeed {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Pathways are spread over this many coordinators' user ids. */
	static final String COORDINATOR = "bench-coordinator-";

	private final HttpClient http;

	private final URI service;

	private final String bearer;

	PathwaySeed(HttpClient http, URI service, String bearer) {
		this.http = http;
		this.service = service;
		this.bearer = bearer;
	}

	/** A pathway as opened: its patient and its steps' ids, in the template's order. */
	record Opened(UUID pathwayId, UUID patientId, List<UUID> stepIds, boolean pastDue) {

	}

	/**
	 * Publishes the template: {@code POST /api/pathway-templates}.
	 * @return its id
	 */
	UUID template() throws Exception {
		String steps = String.join(",\n",
				step("teleconsultation", "TELECONSULTATION", "-P30D", "P2D", List.of(), "COORDINATOR",
						"teleconsultation"),
				step("quote", "QUOTE", "-P21D", "P3D", List.of("teleconsultation"), "BILLING", null),
				step("documents", "DOCUMENT", "-P14D", "P2D", List.of("teleconsultation"), "ASSISTANT", null),
				step("travel", "TRAVEL", "-P2D", "PT12H", List.of("quote"), "ASSISTANT", null),
				step("pre-op", "EXAMINATION", "-P1D", "PT6H", List.of("travel", "documents"), "COORDINATOR",
						"pre-op-assessment"),
				step("surgery", "SURGERY", "P0D", "PT12H", List.of("pre-op"), "COORDINATOR", "surgery"),
				step("stay", "HOSPITAL_STAY", "P1D", "PT12H", List.of("surgery"), "COORDINATOR", null),
				step("follow-up", "FOLLOW_UP", "P30D", "P3D", List.of("surgery"), "COORDINATOR", "consultation"));
		String body = """
				{"code": "bench-hip-%s", "names": {"fr": "Prothèse de hanche", "en": "Hip replacement",
				 "nl": "Heupprothese"}, "steps": [%s]}""".formatted(UUID.randomUUID().toString().substring(0, 8),
				steps);
		return UUID.fromString(created("/api/pathway-templates", body).path("id").asString());
	}

	private static String step(String key, String kind, String offset, String tolerance, List<String> dependsOn,
			String owner, @org.jspecify.annotations.Nullable String appointmentType) {
		return """
				{"key": "%s", "kind": "%s", "names": {"fr": "%1$s (fr)", "en": "%1$s", "nl": "%1$s (nl)"},
				 "anchor": %s, "offset": "%s", "tolerance": "%s", "dependsOn": [%s], "ownerRole": "%s",
				 "specialty": "orthopaedics"%s}""".formatted(key, kind, offset.equals("P0D"), offset, tolerance,
				String.join(", ", dependsOn.stream().map(d -> "\"" + d + "\"").toList()), owner,
				appointmentType == null ? "" : ", \"appointmentType\": \"" + appointmentType + "\"");
	}

	/**
	 * Opens {@code count} pathways with {@code clients} requests in flight: pathway
	 * {@code n} for patient {@code n % patients}, coordinator {@code n % coordinators},
	 * partner {@code n % partners}; {@code pastDue} of them, scattered over coordinators
	 * and partners, anchored 20 days from now (their teleconsultation and quote already
	 * past due), the others 35 to 215 days from now.
	 */
	List<Opened> open(UUID template, List<UUID> patients, int count, int coordinators, List<UUID> partners, int pastDue,
			int clients) throws Exception {
		Instant today = Instant.now().truncatedTo(ChronoUnit.HOURS);
		return Concurrently.run(count, clients, n -> {
			// n -> (n * 7919) mod count takes every value once (unless count is a
			// multiple of the prime 7919): the past-due ones fall on no coordinator's or
			// partner's turn.
			boolean late = Math.floorMod(n * 7919L, count) < pastDue;
			Instant anchor = late ? today.plus(Duration.ofDays(20))
					: today.plus(Duration.ofDays(35 + n % 180)).plus(Duration.ofHours(n % 24));
			UUID patient = patients.get(n % patients.size());
			String body = """
					{"patientId": "%s", "templateId": "%s", "anchorAt": "%s", "coordinatorId": "%s%d",
					 "partnerId": "%s"}""".formatted(patient, template, anchor, COORDINATOR, n % coordinators,
					partners.get(n % partners.size()));
			JsonNode pathway = created("/api/pathways", body);
			List<UUID> steps = new ArrayList<>();
			pathway.path("steps").forEach(step -> steps.add(UUID.fromString(step.path("id").asString())));
			return new Opened(UUID.fromString(pathway.path("id").asString()), patient, List.copyOf(steps), late);
		});
	}

	private JsonNode created(String path, String body) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.resolve(path))
			.header("Authorization", bearer)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(
					"POST " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * Waits, up to a minute, until the overdue watch has raised alerts on at least
	 * {@code pastDue} pathways, and then, up to {@code patience}, until the outbox has
	 * relayed every event (each pathway opened announces itself and its 8 steps): the
	 * measurements that follow then share the cores with nothing the seeding left behind;
	 * then vacuums and analyses the database.
	 */
	static void settle(Connection db, int pastDue, Duration patience) throws Exception {
		long started = System.nanoTime();
		long alerted = started + Duration.ofMinutes(1).toNanos();
		while (pastDue > 0 && count(db, "select count(*) from pathway where open_alerts > 0") < pastDue
				&& System.nanoTime() < alerted) {
			Thread.sleep(500);
		}
		System.out.printf("Pathways with open alerts: %,d (%s), after %.1f s%n",
				count(db, "select count(*) from pathway where open_alerts > 0"),
				count(db, "select count(*) from pathway_alert where resolved_at is null") + " open alerts",
				(System.nanoTime() - started) / 1e9);
		long draining = System.nanoTime();
		long deadline = draining + patience.toNanos();
		long left;
		while ((left = count(db, "select count(*) from parcours_platform.outbox_event")) > 0
				&& System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
		System.out.printf("Outbox drained in %.1f s (%,d events left)%n", (System.nanoTime() - draining) / 1e9, left);
		// What autovacuum does within minutes of a bulk of inserts, done now so that
		// every
		// run measures the same: statistics for the planner, and a visibility map that
		// lets the work list's count read its index alone.
		long vacuuming = System.nanoTime();
		try (Statement statement = db.createStatement()) {
			statement.execute("vacuum (analyze)");
		}
		System.out.printf("Vacuumed and analysed in %.1f s%n", (System.nanoTime() - vacuuming) / 1e9);
	}

	static long count(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
