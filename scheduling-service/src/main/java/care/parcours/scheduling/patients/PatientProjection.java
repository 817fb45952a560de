package care.parcours.scheduling.patients;

import care.parcours.events.patient.PatientRegistered;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;

import org.springframework.stereotype.Component;

/** Remembers every patient patient-service announces. */
@Component
class PatientProjection implements EventHandler<PatientRegistered> {

	private final KnownPatients patients;

	PatientProjection(KnownPatients patients) {
		this.patients = patients;
	}

	@Override
	public void handle(PatientRegistered event, EventMetadata metadata) {
		patients.add(event.patientId(), metadata.time());
	}

}
