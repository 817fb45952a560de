package care.parcours.patient.identity;

import org.jspecify.annotations.Nullable;

/**
 * Whom to call about the patient, often the companion who travels with them (and whose
 * hotel room the coordinator books).
 *
 * @param name the person's full name
 * @param relationship to the patient, in words: spouse, daughter, friend
 * @param phone how to reach them
 * @param email another way, if given
 * @param companion whether they travel with the patient
 */
public record EmergencyContact(String name, @Nullable String relationship, PhoneNumber phone,
		@Nullable EmailAddress email, boolean companion) {

	public EmergencyContact {
		name = name.strip();
		if (name.isEmpty()) {
			throw new InvalidField("name", "must not be blank");
		}
		relationship = relationship == null || relationship.isBlank() ? null : relationship.strip();
	}

	@Override
	public String toString() {
		return "EmergencyContact[redacted]";
	}

}
