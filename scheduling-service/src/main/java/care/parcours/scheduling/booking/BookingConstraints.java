package care.parcours.scheduling.booking;

import java.time.Clock;

import care.parcours.platform.problem.ConstraintProblem;
import care.parcours.scheduling.patients.KnownPatients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the database's refusal of a hold or an appointment means to the coordinator who
 * asked for it: the slot is taken (and here is what is free nearby, read once the refused
 * transaction rolled back), another resource of the appointment is taken, the patient
 * already has an appointment then, or the patient is unknown.
 */
@Configuration(proxyBeanMethods = false)
class BookingConstraints {

	/** Keeps any resource of a booking, whatever its kind, from being taken twice. */
	static final String RESOURCE_FREE = "booking_resource_free";

	@Bean
	ConstraintProblem<SlotClaim> slotTaken(SlotChecks checks) {
		return ConstraintProblem.of("booking_practitioner_free", SlotClaim.class, claim -> slotTaken(checks, claim));
	}

	private static SlotTaken slotTaken(SlotChecks checks, SlotClaim claim) {
		return new SlotTaken(claim.practitionerId(), claim.during().start(),
				checks.nearby(claim.practitionerId(), claim.appointmentType(), claim.mode(), claim.during().start()));
	}

	/**
	 * Another booking took a resource between the choice and the insert: the role that
	 * cannot be filled now, with the nearest times when all can. Or the practitioner is
	 * taken then in a role of another's appointment (an anaesthetist at a surgery), which
	 * only this constraint sees: their slot is taken, as for their own appointments.
	 */
	@Bean
	ConstraintProblem<SlotClaim> resourceTaken(ResourceChoice resources, Bookings bookings, SlotChecks checks,
			Clock clock) {
		return ConstraintProblem.of(RESOURCE_FREE, SlotClaim.class,
				claim -> bookings.isTakenInRole(claim.practitionerId(), claim.during(), clock.instant())
						? slotTaken(checks, claim) : resources.refusal(claim));
	}

	/** A cascade moving an appointment onto a resource taken meanwhile. */
	@Bean
	ConstraintProblem<Object> resourceTakenMeanwhile() {
		return ConstraintProblem.of(RESOURCE_FREE, ResourceTaken::new);
	}

	@Bean
	ConstraintProblem<SlotClaim> patientDoubleBooked() {
		return ConstraintProblem.of("booking_patient_free", SlotClaim.class,
				claim -> new PatientDoubleBooked(claim.during().start()));
	}

	@Bean
	ConstraintProblem<SlotClaim> patientUnknown() {
		return ConstraintProblem.of("booking_patient_known", SlotClaim.class,
				claim -> new KnownPatients.UnknownPatient(claim.patientId()));
	}

}
