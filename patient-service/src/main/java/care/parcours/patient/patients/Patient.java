package care.parcours.patient.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import care.parcours.events.patient.PatientRegistered;
import care.parcours.patient.identity.PatientIdentity;
import care.parcours.platform.domain.InvalidRequestException;

/**
 * A patient record.
 *
 * @param id the patient's id, the only thing other services know
 * @param identity who the patient is
 * @param version incremented by every change
 * @param registeredAt when the record was opened
 */
public record Patient(UUID id, PatientIdentity identity, long version, Instant registeredAt) {

	/** Older than anyone has lived: a typing error, not a patient. */
	private static final int MAX_AGE_YEARS = 130;

	/**
	 * Opens a record.
	 * @throws InvalidRequestException when the birth date is impossible
	 */
	public static Patient register(UUID id, PatientIdentity identity, Instant now) {
		requirePossibleBirthDate(identity, now);
		return new Patient(id, identity, 0, now);
	}

	/**
	 * Replaces the identity: the next version.
	 * @throws InvalidRequestException when the birth date is impossible
	 */
	public Patient revise(PatientIdentity revised, Instant now) {
		requirePossibleBirthDate(revised, now);
		return new Patient(id, revised, version + 1, registeredAt);
	}

	private static void requirePossibleBirthDate(PatientIdentity identity, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		// A day of slack: it is already tomorrow in Auckland while it is today in UTC.
		if (identity.birthDate().isAfter(today.plusDays(1))) {
			throw InvalidRequestException.ofField("birthDate", "must not be in the future");
		}
		if (identity.birthDate().isBefore(today.minusYears(MAX_AGE_YEARS))) {
			throw InvalidRequestException.ofField("birthDate", "must be within the last " + MAX_AGE_YEARS + " years");
		}
	}

	/** The event announcing the record: the id, nothing else. */
	public PatientRegistered registered() {
		return new PatientRegistered(id);
	}

	@Override
	public String toString() {
		return "Patient[id=" + id + ", version=" + version + "]";
	}

}
