package care.parcours.platform.testapp.reservation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import care.parcours.platform.testapp.TestApplication;
import care.parcours.platform.testapp.Things;
import care.parcours.test.ParcoursTest;
import care.parcours.test.PublishedEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.test.PublishedEvents.about;
import static care.parcours.test.PublishedEvents.ofType;

/**
 * Reservations through HTTP, against the real database and broker: what the API answers,
 * and that each change is published.
 */
@ParcoursTest(classes = TestApplication.class)
class ReservationIT {

	@Autowired
	RestTestClient http;

	@Autowired
	Things things;

	@Autowired
	Clock clock;

	@Test
	void aPlacedReservationIsCreatedVersionedAndPublished() {
		UUID thing = things.create(UUID.randomUUID(), "ladder", "LARGE").id();
		LocalDate day = inDays(30);

		EntityExchangeResult<byte[]> placed = place(thing, day).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"0\"")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("PLACED")
			.returnResult();
		String id = idIn(placed);

		http.get()
			.uri("/reservations/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"0\"")
			.expectBody()
			.jsonPath("$.day")
			.isEqualTo(day.toString());
		try (PublishedEvents events = PublishedEvents.on(ReservationEvent.TOPIC)) {
			events.await(about(id).and(ofType("platformtest.reservation.placed.v1")));
		}
	}

	@Test
	void cancellingTakesTheVersionReadAndGivesTheDayBack() {
		UUID thing = things.create(UUID.randomUUID(), "tent", "LARGE").id();
		LocalDate day = inDays(31);
		String id = idOf(place(thing, day));

		cancel(id, "\"0\"").expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");

		place(thing, day).expectStatus().isCreated();
		try (PublishedEvents events = PublishedEvents.on(ReservationEvent.TOPIC)) {
			events.await(about(id).and(ofType("platformtest.reservation.cancelled.v1")));
		}
	}

	@Test
	void aStaleOrMissingVersionChangesNothing() {
		UUID thing = things.create(UUID.randomUUID(), "kayak", "LARGE").id();
		String id = idOf(place(thing, inDays(32)));

		cancel(id, "\"3\"").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/stale-version")
			.jsonPath("$.currentVersion")
			.isEqualTo(0);
		http.post().uri("/reservations/{id}/cancel", id).exchange().expectStatus().isEqualTo(428);

		http.get().uri("/reservations/{id}", id).exchange().expectBody().jsonPath("$.status").isEqualTo("PLACED");
	}

	@Test
	void aReservationCancelledTwiceIsAConflictNamingItsState() {
		UUID thing = things.create(UUID.randomUUID(), "bike", "LARGE").id();
		String id = idOf(place(thing, inDays(33)));
		cancel(id, "\"0\"").expectStatus().isOk();

		cancel(id, "\"1\"").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/invalid-transition");
	}

	@Test
	void anUnknownReservationIsNotFound() {
		http.get()
			.uri("/reservations/{id}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/reservation-not-found");
	}

	private LocalDate inDays(int days) {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(days);
	}

	private RestTestClient.ResponseSpec place(UUID thing, LocalDate day) {
		return http.post()
			.uri("/reservations")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"thingId\": \"" + thing + "\", \"day\": \"" + day + "\"}")
			.exchange();
	}

	private RestTestClient.ResponseSpec cancel(String id, String ifMatch) {
		return http.post().uri("/reservations/{id}/cancel", id).header(HttpHeaders.IF_MATCH, ifMatch).exchange();
	}

	private static String idOf(RestTestClient.ResponseSpec placed) {
		return idIn(placed.expectStatus().isCreated().expectBody().returnResult());
	}

	private static String idIn(EntityExchangeResult<?> placed) {
		String location = String.valueOf(placed.getResponseHeaders().getLocation());
		return location.substring(location.lastIndexOf('/') + 1);
	}

}
