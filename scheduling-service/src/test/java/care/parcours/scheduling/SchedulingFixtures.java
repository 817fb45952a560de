package care.parcours.scheduling;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.events.partner.PartnerRegistered;
import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.events.patient.PatientRegistered;
import care.parcours.test.TestEvents;
import care.parcours.test.Weekdays;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Practitioners, patients and availability as the other services and the partners would
 * provide them: through events and the availability API.
 */
public final class SchedulingFixtures {

	private final RestTestClient http;

	private final JdbcClient jdbc;

	public SchedulingFixtures(RestTestClient http, JdbcClient jdbc) {
		this.http = http;
		this.jdbc = jdbc;
	}

	/** A practitioner known to scheduling, with the partner it works for. */
	public record Practitioner(UUID id, UUID partnerId, ZoneId zone) {

	}

	/** An orthopaedic surgeon of a clinic in Lyon who speaks French and Arabic. */
	public Practitioner practitioner() {
		return practitioner("Europe/Paris", "orthopaedics", "ar", "FR", "Lyon");
	}

	public Practitioner practitioner(String zone, String specialty, String language, String country, String city) {
		UUID partner = UUID.randomUUID();
		UUID practitioner = UUID.randomUUID();
		TestEvents.publish(new PartnerRegistered(partner, "CLINIC", country, city, zone, List.of(specialty),
				List.of(language, "en")), partner, 0);
		TestEvents.publish(
				new PractitionerRegistered(practitioner, partner, zone, List.of(specialty), List.of(language, "en")),
				practitioner, 0);
		await().until(() -> count("select count(*) from schedule where practitioner_id = ?", practitioner) == 1
				&& count("select count(*) from partner where id = ?", partner) == 1);
		return new Practitioner(practitioner, partner, ZoneId.of(zone));
	}

	/**
	 * Weekdays from {@code start} to {@code end} local time: 30-minute consultations in
	 * person or by video, and 120-minute surgeries in person.
	 */
	public void weekdays(Practitioner practitioner, String start, String end) {
		StringBuilder rules = new StringBuilder();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			rules.append(rules.isEmpty() ? "" : ",").append("""
					{"day": "%s", "start": "%s", "end": "%s", "modes": ["IN_PERSON", "TELECONSULTATION"],
					 "validFrom": "2026-01-01"}""".formatted(day, start, end));
		}
		http.put()
			.uri("/api/schedules/{id}/availability", practitioner.id())
			.header("If-Match", etag("/api/schedules/{id}/availability", practitioner.id()))
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"appointmentTypes": [
					   {"code": "consultation", "durationMinutes": 30, "modes": ["IN_PERSON", "TELECONSULTATION"]},
					   {"code": "surgery", "durationMinutes": 120, "modes": ["IN_PERSON"]}],
					 "weeklyRules": [%s]}
					""".formatted(rules))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** A patient patient-service announced. */
	public UUID patient() {
		return patients(1).getFirst();
	}

	/** Patients patient-service announced, once scheduling-service knows them all. */
	public List<UUID> patients(int count) {
		List<UUID> patients = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			UUID patient = UUID.randomUUID();
			TestEvents.publish(new PatientRegistered(patient), patient, 0);
			patients.add(patient);
		}
		await().until(() -> jdbc.sql("select count(*) from known_patient where id = any(?)")
			.param(patients.toArray(UUID[]::new))
			.query(Long.class)
			.single() == count);
		return patients;
	}

	/**
	 * The {@code n}th weekday after today (1 is the next weekday; two different {@code n}
	 * are two different days), at a local time of the practitioner.
	 */
	public static Instant weekdayAt(Practitioner practitioner, int n, String localTime) {
		return weekdayAt(Clock.systemUTC(), practitioner, n, localTime);
	}

	/**
	 * As {@link #weekdayAt(Practitioner, int, String)}, today being the day on
	 * {@code clock}.
	 */
	public static Instant weekdayAt(Clock clock, Practitioner practitioner, int n, String localTime) {
		return Weekdays.at(clock, practitioner.zone(), n, LocalTime.parse(localTime));
	}

	/** Books an appointment and returns its id. */
	public UUID book(Practitioner practitioner, UUID patient, Instant start, String type, String mode) {
		return UUID.fromString(http.post()
			.uri("/api/appointments")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "%s", "mode": "%s"}
					""".formatted(practitioner.id(), patient, start, type, mode))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(java.util.Map.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.toString());
	}

	/** The {@code ETag} a read of the resource answers, for the next edit's If-Match. */
	public String etag(String uri, Object... variables) {
		String etag = http.get()
			.uri(uri, variables)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseHeaders()
			.getETag();
		assertThat(etag).as("ETag of %s", uri).isNotNull();
		return etag;
	}

	/**
	 * The JSON object a request answers with, having checked that it answers 200 OK: how
	 * most reads in these tests end.
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> okJson(RestTestClient.RequestHeadersSpec<?> request) {
		return request.exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
	}

	/**
	 * Checks that a request is refused 400 as problem+json naming {@code field} (a query
	 * parameter or a body field) in the problem's errors.
	 */
	public static void refusedNaming(RestTestClient.RequestHeadersSpec<?> request, String field) {
		request.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo(field);
	}

	private long count(String sql, UUID id) {
		return jdbc.sql(sql).param(id).query(Long.class).single();
	}

}
