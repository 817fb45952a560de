package care.parcours.scheduling.booking;

import care.parcours.platform.problem.ConstraintProblem;
import care.parcours.scheduling.patients.KnownPatients;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the database's refusal of a hold or an appointment means to the coordinator who
 * asked for it: the slot is taken (and here is what is free nearby, read once the refused
 * transaction rolled back), the patient already has an appointment then, or the patient
 * is unknown.
 */
@Configuration(proxyBeanMethods = false)
class BookingConstraints {

	@Bean
	ConstraintProblem<SlotClaim> slotTaken(SlotChecks checks) {
		return ConstraintProblem.of("booking_practitioner_free", SlotClaim.class, claim -> new SlotTaken(
				claim.practitionerId(), claim.during().start(),
				checks.nearby(claim.practitionerId(), claim.appointmentType(), claim.mode(), claim.during().start())));
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
