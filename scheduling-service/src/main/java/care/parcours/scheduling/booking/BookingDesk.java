package care.parcours.scheduling.booking;

import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import care.parcours.scheduling.availability.Mode;
import care.parcours.scheduling.patients.KnownPatients;

import org.springframework.stereotype.Component;

/**
 * Turns the database's refusals into answers a coordinator can act on: the slot is taken
 * (and here is what is free nearby), the patient already has an appointment then, or the
 * patient is unknown. Runs outside the failed transaction, so that it can still read.
 */
@Component
public class BookingDesk {

	/** PostgreSQL's SQLSTATEs for exclusion and foreign key constraint violations. */
	private static final String EXCLUSION_VIOLATION = "23P01";

	private static final String FOREIGN_KEY_VIOLATION = "23503";

	private final SlotChecks checks;

	BookingDesk(SlotChecks checks) {
		this.checks = checks;
	}

	/** What a request wanted, to find alternatives when it collides. */
	public record Wanted(UUID practitionerId, UUID patientId, String appointmentType, Mode mode, Instant start) {

	}

	public <T> T guarded(Wanted wanted, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (RuntimeException ex) {
			String constraint = violatedExclusion(ex);
			if ("booking_practitioner_free".equals(constraint)) {
				throw new SlotTaken(wanted.practitionerId(), wanted.start(), checks.nearby(wanted.practitionerId(),
						wanted.appointmentType(), wanted.mode(), wanted.start()));
			}
			if ("booking_patient_free".equals(constraint)) {
				throw new PatientDoubleBooked(wanted.start());
			}
			if (violated(ex, FOREIGN_KEY_VIOLATION, "booking_patient_known")) {
				throw new KnownPatients.UnknownPatient(wanted.patientId());
			}
			throw ex;
		}
	}

	/**
	 * The overlap constraint an exclusion violation names, if the failure is one; else
	 * empty.
	 */
	public static String violatedExclusion(Throwable failure) {
		for (String constraint : new String[] { "booking_practitioner_free", "booking_patient_free" }) {
			if (violated(failure, EXCLUSION_VIOLATION, constraint)) {
				return constraint;
			}
		}
		return "";
	}

	private static boolean violated(Throwable failure, String state, String constraint) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
				return String.valueOf(sql.getMessage()).contains(constraint);
			}
		}
		return false;
	}

}
