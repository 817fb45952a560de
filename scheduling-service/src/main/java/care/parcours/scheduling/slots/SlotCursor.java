package care.parcours.scheduling.slots;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import care.parcours.platform.domain.InvalidRequestException;

/**
 * Where the previous page of a slot search ended: the page after it starts strictly
 * after. Kept opaque to clients, who pass back the {@code next} they were given.
 *
 * @param start the last slot's start
 * @param practitionerId the last slot's practitioner
 * @param appointmentType the last slot's type
 */
public record SlotCursor(Instant start, UUID practitionerId, String appointmentType) {

	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((start + "|" + practitionerId + "|" + appointmentType).getBytes(StandardCharsets.UTF_8));
	}

	public static SlotCursor decode(String text) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 3);
			return new SlotCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]), parts[2]);
		}
		catch (RuntimeException ex) {
			throw InvalidRequestException.ofField("after", "is not a cursor this search gave");
		}
	}

	boolean isBefore(FreeSlot slot) {
		int byStart = start.compareTo(slot.during().start());
		if (byStart != 0) {
			return byStart < 0;
		}
		int byPractitioner = practitionerId.compareTo(slot.practitionerId());
		return byPractitioner != 0 ? byPractitioner < 0 : appointmentType.compareTo(slot.type().code()) < 0;
	}

}
