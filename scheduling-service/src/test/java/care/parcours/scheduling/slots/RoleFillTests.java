package care.parcours.scheduling.slots;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import care.parcours.scheduling.availability.RequiredRole;
import care.parcours.scheduling.availability.TimeRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleFillTests {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final Instant EIGHT = Instant.parse("2026-12-09T07:00:00Z");

	final UUID surgeon = UUID.randomUUID();

	final UUID roomA = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	final UUID roomB = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	final RequiredRole anyRoom = new RequiredRole("room", "OPERATING_ROOM", null, null, Duration.ZERO,
			Duration.ofMinutes(30));

	@Test
	void theFirstFreeRoomIsProposedWhenTheSurgeonHoldsNoneThatDay() {
		RoleFill fill = new RoleFill(List.of(taken(roomA, UUID.randomUUID(), EIGHT, 150)));

		assertThat(fill.fill(surgeon, PARIS, List.of(new RoleFill.Options(anyRoom, List.of(roomA, roomB))),
				slot(EIGHT, 120)))
			.containsExactly(new ProposedResource("room", roomB));
		assertThat(fill.fill(surgeon, PARIS, List.of(new RoleFill.Options(anyRoom, List.of(roomA, roomB))),
				slot(EIGHT.plus(Duration.ofMinutes(150)), 120)))
			.containsExactly(new ProposedResource("room", roomA));
	}

	@Test
	void theRoomTheSurgeonAlreadyHoldsThatDayIsKept() {
		RoleFill fill = new RoleFill(List.of(taken(roomB, surgeon, EIGHT, 150)));

		assertThat(fill.fill(surgeon, PARIS, List.of(new RoleFill.Options(anyRoom, List.of(roomA, roomB))),
				slot(EIGHT.plus(Duration.ofHours(4)), 120)))
			.containsExactly(new ProposedResource("room", roomB));
	}

	@Test
	void aRoleNoFreeResourceCanFillLeavesTheSlotOut() {
		RoleFill fill = new RoleFill(List.of(taken(roomA, UUID.randomUUID(), EIGHT, 150)));
		RequiredRole named = new RequiredRole("room", "OPERATING_ROOM", roomA, null, Duration.ZERO, Duration.ZERO);

		assertThat(fill.fill(surgeon, PARIS, List.of(new RoleFill.Options(named, List.of(roomA))),
				slot(EIGHT.plus(Duration.ofHours(2)), 60)))
			.isNull();
		assertThat(fill
			.fill(surgeon, PARIS,
					List.of(new RoleFill.Options(anyRoom, List.of(roomB)),
							new RoleFill.Options(new RequiredRole("spare", "OPERATING_ROOM", null, null, Duration.ZERO,
									Duration.ZERO), List.of(roomB))),
					slot(EIGHT.plus(Duration.ofHours(5)), 60)))
			.as("one room never fills two roles")
			.isNull();
	}

	private static TimeRange slot(Instant start, int minutes) {
		return TimeRange.of(start, Duration.ofMinutes(minutes));
	}

	private static ResourceBooking taken(UUID resource, UUID practitioner, Instant start, int minutes) {
		return new ResourceBooking(resource, practitioner, "room", slot(start, minutes), start);
	}

}
