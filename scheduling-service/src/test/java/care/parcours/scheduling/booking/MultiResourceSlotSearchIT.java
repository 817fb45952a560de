package care.parcours.scheduling.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.scheduling.SchedulingFixtures.Practitioner;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static care.parcours.scheduling.SchedulingFixtures.weekdayAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slot search for types that need a room and an interpreter besides the surgeon: only
 * times at which every role can be filled, each with the resources it proposes, which
 * booking then takes.
 */
@ParcoursTest
@SuppressWarnings("unchecked")
class MultiResourceSlotSearchIT extends MultiResourceClinic {

	@Test
	void theFirstProposalCanBeBookedAndTheBookingTakesTheProposedResources() {
		Practitioner surgeon = clinic.surgeon();
		LocalDate day = day(surgeon, 3);

		List<Map<String, Object>> slots = search(surgeon, "surgery", day, 10);

		assertThat(slots).extracting(s -> s.get("localStart"))
			.containsExactly(day + "T08:00:00", day + "T10:00:00", day + "T12:00:00", day + "T14:00:00",
					day + "T16:00:00");
		Map<String, UUID> proposed = resources(slots.getFirst());
		assertThat(proposed).containsOnlyKeys("room", "interpreter");
		assertThat(proposed.get("room")).isIn(clinic.rooms());

		UUID surgery = booked(surgeon, Instant.parse((String) slots.getFirst().get("start")), "surgery");

		assertThat(clinic.taken(surgery)).containsEntry("room", proposed.get("room"))
			.containsEntry("interpreter", proposed.get("interpreter"));
		// Single-practitioner types keep their answer without the field.
		assertThat(search(surgeon, "consultation", day, 1).getFirst()).doesNotContainKey("resources");
	}

	@Test
	void aRoomTakenByAnotherBookingNeverAppearsAndPagesFollowTheCursor() {
		Practitioner first = clinic.surgeon();
		Practitioner second = clinic.surgeon();
		LocalDate day = day(first, 3);
		// Room A, named by in-room-a, is held from 09:00 to 11:30 (surgery and cleaning).
		booked(first, weekdayAt(first, 3, "09:00"), "in-room-a");

		assertThat(search(second, "in-room-a", day, 10)).extracting(s -> s.get("localStart"))
			.containsExactly(day + "T12:00:00", day + "T14:00:00", day + "T16:00:00");
		assertThat(search(second, "surgery", day, 10).getFirst())
			.satisfies(slot -> assertThat(slot.get("localStart")).isEqualTo(day + "T08:00:00"))
			.satisfies(slot -> assertThat(resources(slot).get("room")).isEqualTo(clinic.rooms().get(1)));

		List<Object> paged = new ArrayList<>();
		String next = null;
		do {
			Map<String, Object> page = page(second, "in-room-a", day, 1, next);
			((List<Map<String, Object>>) page.get("content")).forEach(slot -> paged.add(slot.get("localStart")));
			next = (String) ((Map<String, Object>) page.get("page")).get("next");
		}
		while (next != null);
		assertThat(paged).containsExactly(day + "T12:00:00", day + "T14:00:00", day + "T16:00:00");
	}

	@Test
	void noTimeIsProposedWhenEveryRoomIsTaken() {
		Practitioner surgeon = clinic.surgeon();
		LocalDate day = day(surgeon, 3);
		booked(clinic.surgeon(), weekdayAt(surgeon, 3, "08:00"), "surgery");
		booked(clinic.surgeon(), weekdayAt(surgeon, 3, "08:00"), "surgery");

		// Both rooms are held from 08:00 to 10:30.
		assertThat(search(surgeon, "surgery", day, 10)).extracting(s -> s.get("localStart"))
			.containsExactly(day + "T12:00:00", day + "T14:00:00", day + "T16:00:00");
	}

	@Test
	void anInterpreterRoleWithALanguageIsFilledOnlyByInterpretersSpeakingIt() {
		Practitioner first = clinic.surgeon();
		Practitioner second = clinic.surgeon();
		UUID english = jdbc
			.sql("select id from resource where partner_id = ? and kind = 'INTERPRETER' and 'en' = any(languages)")
			.param(first.partnerId())
			.query(UUID.class)
			.single();
		String withEnglish = MultiResourceFixtures.type("english-consultation", 60,
				"{\"role\": \"interpreter\", \"kind\": \"INTERPRETER\", \"language\": \"en\"}");
		for (Practitioner surgeon : List.of(first, second)) {
			clinic.offer(surgeon, fixtures.etag("/api/schedules/{id}/availability", surgeon.id()), withEnglish)
				.expectStatus()
				.isOk();
		}
		LocalDate day = day(first, 3);
		booked(first, weekdayAt(first, 3, "08:00"), "english-consultation");

		List<Map<String, Object>> slots = search(second, "english-consultation", day, 3);

		// The other interpreter, free at 08:00, speaks Arabic and French only.
		assertThat(slots).extracting(s -> s.get("localStart"))
			.containsExactly(day + "T09:00:00", day + "T10:00:00", day + "T11:00:00");
		assertThat(slots)
			.allSatisfy(slot -> assertThat(resources(slot)).containsExactly(Map.entry("interpreter", english)));
	}

	@Test
	void aSurgeonKeepsTheRoomAlreadyHeldThatDayAndBookingTakesIt() {
		Practitioner other = clinic.surgeon();
		Practitioner surgeon = clinic.surgeon();
		LocalDate day = day(surgeon, 3);
		// PostgreSQL orders uuids by their bytes, as their text sorts (not as
		// UUID.compareTo).
		List<UUID> byId = clinic.rooms().stream().sorted(Comparator.comparing(UUID::toString)).toList();
		UUID firstByOrder = booked(other, weekdayAt(other, 3, "08:00"), "surgery");
		UUID morning = booked(surgeon, weekdayAt(surgeon, 3, "08:00"), "surgery");
		assertThat(clinic.taken(firstByOrder).get("room")).isEqualTo(byId.get(0));
		assertThat(clinic.taken(morning).get("room")).isEqualTo(byId.get(1));

		List<Map<String, Object>> slots = search(surgeon, "surgery", day, 10);

		// Both rooms are free from 10:30; the surgeon stays in the second all day.
		assertThat(slots).extracting(s -> s.get("localStart"))
			.containsExactly(day + "T12:00:00", day + "T14:00:00", day + "T16:00:00");
		assertThat(slots).allSatisfy(slot -> assertThat(resources(slot).get("room")).isEqualTo(byId.get(1)));
		UUID afternoon = booked(surgeon, Instant.parse((String) slots.getFirst().get("start")), "surgery");
		assertThat(clinic.taken(afternoon).get("room")).isEqualTo(byId.get(1));
	}

	@Test
	void badInputIsRefusedAsAProblem() {
		http.get()
			.uri("/api/slots?from=2026-12-01&to=2026-12-02&appointmentType=surgery&after=nonsense")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
