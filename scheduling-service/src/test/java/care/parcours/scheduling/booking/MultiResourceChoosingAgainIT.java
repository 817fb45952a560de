package care.parcours.scheduling.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import care.parcours.scheduling.SchedulingFixtures;
import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.MutableClock;
import care.parcours.test.ParcoursTest;
import care.parcours.test.RivalTransaction;
import care.parcours.test.WithMutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.scheduling.SchedulingFixtures.createdId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multi-resource appointments over their whole life: a lapsed hold never blocks a room, a
 * move (alone or in a cascade) takes another room of the kind when its own is taken at
 * the new time, a booking that loses its room to a concurrent one takes the other, and a
 * freed room wakes a waiter who needs one. The clinic has two operating rooms and two
 * Arabic interpreters; its surgeons' surgeries take any free room and interpreter, or
 * room A by name. The hold-expiry job is kept out of the way, so that only a booking
 * expires a lapsed hold here.
 */
@ParcoursTest(properties = "parcours.scheduling.hold-expiry-interval=1h")
@WithMutableClock
class MultiResourceChoosingAgainIT extends MultiResourceClinic {

	@Autowired
	DataSource dataSource;

	@Autowired
	MutableClock clock;

	private final ExecutorService coordinators = Executors.newVirtualThreadPerTaskExecutor();

	@AfterEach
	void stop() {
		coordinators.close();
	}

	@Test
	void aLapsedHoldOfAnotherSurgeonOnTheRoomDoesNotBlockABookingOfIt() {
		Practitioner holder = clinic.surgeon();
		Practitioner surgeon = clinic.surgeon();
		Instant ten = at(holder, 3, "10:00");
		UUID lapsing = hold(holder, ten, "in-room-a", 1);
		clock.advance(Duration.ofMinutes(2));

		UUID surgery = booked(surgeon, ten, "in-room-a");

		assertThat(clinic.taken(surgery).get("room")).isEqualTo(clinic.rooms().getFirst());
		assertThat(status("/api/slots/holds/{id}", lapsing)).isEqualTo("EXPIRED");
		assertThat(clinic.liveResourcesOf(lapsing)).isZero();
	}

	@Test
	void aRescheduleToATimeWhenItsRoomIsTakenTakesAnotherFreeRoomOfTheKind() {
		Practitioner surgeon = clinic.surgeon();
		UUID surgery = booked(surgeon, at(surgeon, 3, "10:00"), "surgery");
		Instant later = at(surgeon, 4, "10:00");
		UUID other = booked(clinic.surgeon(), later, "surgery");
		assertThat(clinic.taken(other)).as("both took the first room and interpreter")
			.containsAllEntriesOf(Map.of("room", clinic.taken(surgery).get("room"), "interpreter",
					clinic.taken(surgery).get("interpreter")));

		reschedule(surgery, later).expectStatus().isOk();

		assertThat(clinic.heldUntil(surgery, "room")).isEqualTo(later.plus(Duration.ofMinutes(150)));
		assertThat(List.of(clinic.taken(surgery).get("room"), clinic.taken(other).get("room")))
			.containsExactlyInAnyOrderElementsOf(clinic.rooms());
		assertThat(clinic.taken(surgery).get("interpreter")).isNotEqualTo(clinic.taken(other).get("interpreter"));
	}

	@Test
	void aRescheduleToATimeWhenItsNamedRoomIsTakenIsRefusedWithTheNearestTimesAndChangesNothing() {
		Practitioner surgeon = clinic.surgeon();
		Instant ten = at(surgeon, 3, "10:00");
		UUID surgery = booked(surgeon, ten, "in-room-a");
		Instant later = at(surgeon, 4, "10:00");
		booked(clinic.surgeon(), later, "in-room-a");
		String version = fixtures.etag("/api/appointments/{id}", surgery);

		reschedule(surgery, later).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/resource-taken")
			.jsonPath("$.role")
			.isEqualTo("room")
			.jsonPath("$.resourceId")
			.isEqualTo(clinic.rooms().getFirst().toString())
			.jsonPath("$.nearby")
			.isNotEmpty();

		assertThat(fixtures.etag("/api/appointments/{id}", surgery)).isEqualTo(version);
		assertThat(clinic.heldUntil(surgery, "room")).isEqualTo(ten.plus(Duration.ofMinutes(150)));
		assertThat(clinic.taken(surgery).get("room")).isEqualTo(clinic.rooms().getFirst());
	}

	@Test
	void aCascadeOntoATimeWhenItsRoomIsTakenTakesAnotherFreeRoomOfTheKind() {
		Practitioner surgeon = clinic.surgeon();
		UUID surgery = booked(surgeon, at(surgeon, 3, "10:00"), "surgery");
		Instant later = at(surgeon, 4, "10:00");
		UUID other = booked(clinic.surgeon(), later, "surgery");

		cascade(surgery, later).expectStatus().isOk().expectBody().jsonPath("$.applied").isEqualTo(true);

		assertThat(clinic.heldUntil(surgery, "practitioner")).isEqualTo(later.plus(Duration.ofMinutes(120)));
		assertThat(List.of(clinic.taken(surgery).get("room"), clinic.taken(other).get("room")))
			.containsExactlyInAnyOrderElementsOf(clinic.rooms());
	}

	@Test
	void aCascadeOntoATimeWhenNoRoomOfTheKindIsFreeIsImpossibleAndMovesNothing() {
		Practitioner surgeon = clinic.surgeon();
		Instant ten = at(surgeon, 3, "10:00");
		UUID surgery = booked(surgeon, ten, "surgery");
		Instant later = at(surgeon, 4, "10:00");
		booked(clinic.surgeon(), later, "surgery");
		booked(clinic.surgeon(), later, "surgery");
		String version = fixtures.etag("/api/appointments/{id}", surgery);

		cascade(surgery, later).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/cascade-impossible")
			.jsonPath("$.step")
			.isEqualTo(surgery.toString());

		assertThat(fixtures.etag("/api/appointments/{id}", surgery)).isEqualTo(version);
		assertThat(clinic.heldUntil(surgery, "room")).isEqualTo(ten.plus(Duration.ofMinutes(150)));
	}

	/**
	 * A transaction of the test takes the room the booking is about to choose, without
	 * committing: the booking does not see it, chooses that room, and its insert waits.
	 * Once the test's transaction commits, the insert is refused; the booking chooses
	 * again and takes the other room.
	 */
	@Test
	void aBookingThatLosesItsRoomToAConcurrentOneChoosesAgainAndTakesTheOtherRoom() throws Exception {
		Practitioner surgeon = clinic.surgeon();
		Instant ten = at(surgeon, 3, "10:00");
		UUID firstRoom = jdbc.sql("""
				select id from resource where partner_id = ? and kind = 'OPERATING_ROOM' order by id limit 1
				""").param(surgeon.partnerId()).query(UUID.class).single();
		UUID elsewhere = booked(clinic.surgeon(), at(surgeon, 5, "10:00"), "consultation");
		UUID patient = fixtures.patient();

		CompletableFuture<RestTestClient.ResponseSpec> booking;
		try (RivalTransaction rival = RivalTransaction.begin(dataSource)) {
			takeUncommitted(rival, elsewhere, firstRoom, ten);
			booking = CompletableFuture.supplyAsync(() -> http.post()
				.uri("/api/appointments")
				.contentType(MediaType.APPLICATION_JSON)
				.body(MultiResourceFixtures.booking(surgeon, patient, ten, "surgery"))
				.exchange(), coordinators);
			rival.awaitWaiter();
			rival.commit();
		}

		UUID surgery = createdId(booking.get());
		assertThat(clinic.taken(surgery).get("room")).isNotEqualTo(firstRoom).isIn(clinic.rooms());
		assertThat(jdbc.sql("""
				select count(*) from booking_resource where resource_id = ? and live
				  and during && tstzrange(?::timestamptz, ?::timestamptz)
				""")
			.params(firstRoom, java.sql.Timestamp.from(ten), java.sql.Timestamp.from(ten.plus(Duration.ofHours(2))))
			.query(Long.class)
			.single()).as("the first room, taken once").isEqualTo(1);
	}

	/**
	 * As above for a move: the test's transaction takes the appointment's own room at the
	 * new time without committing; the move keeps the room, its write waits, and once the
	 * test's transaction commits the move takes the other room.
	 */
	@Test
	void aRescheduleThatLosesItsRoomToAConcurrentBookingChoosesAgainAndTakesTheOtherRoom() throws Exception {
		Practitioner surgeon = clinic.surgeon();
		UUID surgery = booked(surgeon, at(surgeon, 3, "10:00"), "surgery");
		UUID room = clinic.taken(surgery).get("room");
		Instant later = at(surgeon, 4, "10:00");
		UUID elsewhere = booked(clinic.surgeon(), at(surgeon, 5, "10:00"), "consultation");
		String version = fixtures.etag("/api/appointments/{id}", surgery);

		CompletableFuture<RestTestClient.ResponseSpec> move;
		try (RivalTransaction rival = RivalTransaction.begin(dataSource)) {
			takeUncommitted(rival, elsewhere, room, later);
			move = CompletableFuture.supplyAsync(() -> http.post()
				.uri("/api/appointments/{id}/reschedule", surgery)
				.header(HttpHeaders.IF_MATCH, version)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"start\": \"" + later + "\"}")
				.exchange(), coordinators);
			rival.awaitWaiter();
			rival.commit();
		}

		move.get().expectStatus().isOk();
		assertThat(clinic.taken(surgery).get("room")).isNotEqualTo(room).isIn(clinic.rooms());
		assertThat(clinic.heldUntil(surgery, "room")).isEqualTo(later.plus(Duration.ofMinutes(150)));
	}

	@Test
	void aRoomFreedByACancellationWakesAWaiterForAnotherSurgeonWhoNeedsARoom() {
		Instant ten = at(clinic.surgeon(), 3, "10:00");
		UUID cancelled = booked(clinic.surgeon(), ten, "surgery");
		booked(clinic.surgeon(), ten, "surgery");
		Practitioner free = clinic.surgeon();
		UUID room = clinic.taken(cancelled).get("room");
		UUID waiter = join(fixtures.patient(), free, ten, ten.plus(Duration.ofHours(2)));

		http.post()
			.uri("/api/appointments/{id}/cancel", cancelled)
			.header(HttpHeaders.IF_MATCH, fixtures.etag("/api/appointments/{id}", cancelled))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"reason\": \"PATIENT_REQUEST\"}")
			.exchange()
			.expectStatus()
			.isOk();

		Map<?, ?> entry = http.get()
			.uri("/api/waitlist/{id}", waiter)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(entry.get("status")).isEqualTo("OFFERED");
		UUID hold = UUID.fromString((String) entry.get("holdId"));
		assertThat(status("/api/slots/holds/{id}", hold)).isEqualTo("HELD");
		assertThat(clinic.taken(hold)).containsEntry("practitioner", free.id())
			.containsEntry("room", room)
			.containsKey("interpreter");
	}

	/**
	 * Takes a room for two hours from {@code start} in the test's transaction, as a row
	 * of another booking.
	 */
	private static void takeUncommitted(RivalTransaction rival, UUID booking, UUID room, Instant start) {
		rival.execute("""
				insert into booking_resource (booking_id, role, resource_id, buffer_before, buffer_after, during, live)
				values (?, 'rival', ?, interval '0', interval '0', tstzrange(?::timestamptz, ?::timestamptz), true)
				""", booking, room, java.sql.Timestamp.from(start),
				java.sql.Timestamp.from(start.plus(Duration.ofHours(2))));
	}

	private Instant at(Practitioner practitioner, int weekday, String localTime) {
		return SchedulingFixtures.weekdayAt(clock, practitioner, weekday, localTime);
	}

	private UUID hold(Practitioner practitioner, Instant start, String type, int minutes) {
		String hold = """
				{"practitionerId": "%s", "patientId": "%s", "start": "%s", "appointmentType": "%s",
				 "mode": "IN_PERSON", "holdMinutes": %d}
				""".formatted(practitioner.id(), fixtures.patient(), start, type, minutes);
		return createdId(
				http.post().uri("/api/slots/holds").contentType(MediaType.APPLICATION_JSON).body(hold).exchange());
	}

	private UUID join(UUID patient, Practitioner practitioner, Instant from, Instant to) {
		String entry = """
				{"patientId": "%s", "practitionerId": "%s", "appointmentType": "surgery", "from": "%s", "to": "%s"}
				""".formatted(patient, practitioner.id(), from, to);
		return createdId(
				http.post().uri("/api/waitlist").contentType(MediaType.APPLICATION_JSON).body(entry).exchange());
	}

	private String status(String uri, UUID id) {
		return (String) http.get()
			.uri(uri, id)
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("status");
	}

}
