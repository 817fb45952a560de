package care.parcours.scheduling.slots;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.scheduling.availability.AppointmentType;
import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.availability.TimeRange;

/**
 * A slot nobody holds or booked.
 *
 * @param practitionerId whose slot
 * @param partnerId where
 * @param zone the clinic's zone, for showing local times
 * @param type the appointment type it is a slot of
 * @param modes the modes it can be booked in
 * @param during when
 * @param resources the resource proposed for each role of the type, in the type's order;
 * empty for a type that needs the practitioner alone
 */
public record FreeSlot(UUID practitionerId, UUID partnerId, ZoneId zone, AppointmentType type, Set<Mode> modes,
		TimeRange during, List<ProposedResource> resources) {

	public FreeSlot {
		resources = List.copyOf(resources);
	}

	/** Earliest first; ties broken so that paging never skips or repeats a slot. */
	public static final Comparator<FreeSlot> ORDER = Comparator.comparing((FreeSlot s) -> s.during().start())
		.thenComparing(FreeSlot::practitionerId)
		.thenComparing(s -> s.type().code());

	SlotCursor cursor() {
		return new SlotCursor(during.start(), practitionerId, type.code());
	}

}
