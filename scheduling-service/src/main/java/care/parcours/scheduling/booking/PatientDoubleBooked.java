package care.parcours.scheduling.booking;

import java.time.Instant;

import care.parcours.platform.domain.ConflictException;

/** A patient cannot be at two appointments at once. */
public final class PatientDoubleBooked extends ConflictException {

	PatientDoubleBooked(Instant start) {
		super("patient-double-booked", "The patient already has an appointment overlapping " + start + ".");
	}

}
