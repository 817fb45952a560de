package care.parcours.patient.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import care.parcours.events.patient.PatientRegistered;
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

	/**
	 * Opens a record.
	 * @throws InvalidRequestException when the birth date lies in the future
	 */
	public static Patient register(UUID id, PatientIdentity identity, Instant now) {
		// A day of slack: it is already tomorrow in Auckland while it is today in UTC.
		if (identity.birthDate().isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1))) {
			throw InvalidRequestException.ofField("birthDate", "must not be in the future");
		}
		return new Patient(id, identity, 0, now);
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
