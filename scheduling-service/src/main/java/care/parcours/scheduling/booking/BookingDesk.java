package care.parcours.scheduling.booking;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import care.parcours.platform.domain.ConflictException;
import care.parcours.scheduling.availability.Mode;

import org.springframework.stereotype.Component;

/**
 * Turns the database's refusals of overlapping bookings into answers a coordinator can
 * act on: the slot is taken (and here is what is free nearby), or the patient already has
 * an appointment then. Runs outside the failed transaction, so that it can still read.
 */
@Component
public class BookingDesk {

	/** PostgreSQL's SQLSTATE for an exclusion constraint violation. */
	private static final String EXCLUSION_VIOLATION = "23P01";

	private final SlotChecks checks;

	BookingDesk(SlotChecks checks) {
		this.checks = checks;
	}

	/** What a request wanted, to find alternatives when it collides. */
	public record Wanted(UUID practitionerId, String appointmentType, Mode mode, Instant start) {

	}

	public <T> T guarded(Wanted wanted, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (RuntimeException ex) {
			String constraint = violatedExclusion(ex);
			if ("booking_practitioner_free".equals(constraint)) {
				throw new SlotTaken(wanted, checks.nearby(wanted.practitionerId(), wanted.appointmentType(),
						wanted.mode(), wanted.start()));
			}
			if ("booking_patient_free".equals(constraint)) {
				throw new ConflictException("patient-double-booked",
						"The patient already has an appointment overlapping " + wanted.start() + ".");
			}
			throw ex;
		}
	}

	/** The constraint an exclusion violation names, if the failure is one. */
	public static String violatedExclusion(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
				String message = String.valueOf(sql.getMessage());
				return message.contains("booking_patient_free") ? "booking_patient_free"
						: message.contains("booking_practitioner_free") ? "booking_practitioner_free" : "";
			}
		}
		return "";
	}

	/** Someone else holds or booked the time. */
	public static final class SlotTaken extends ConflictException {

		SlotTaken(Wanted wanted, java.util.List<Map<String, Object>> nearby) {
			super("slot-taken",
					"Practitioner " + wanted.practitionerId() + " is already booked or held at " + wanted.start() + ".",
					Map.of("nearby", nearby));
		}

	}

}
