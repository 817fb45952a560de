package care.parcours.scheduling.patients;

import care.parcours.events.patient.PatientErased;
import care.parcours.platform.consumer.EventHandler;
import care.parcours.platform.consumer.EventMetadata;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Forgets an erased patient: the id stays known as erased, so appointments keep their
 * reference and nothing new can be booked for it, and each feature drops what it keeps
 * ({@link PatientForgotten}, heard synchronously in this transaction). The platform's
 * consumer records the event as handled in the same transaction: a redelivery changes
 * nothing.
 */
@Component
class PatientErasure implements EventHandler<PatientErased> {

	private final KnownPatients patients;

	private final ApplicationEventPublisher features;

	PatientErasure(KnownPatients patients, ApplicationEventPublisher features) {
		this.patients = patients;
		this.features = features;
	}

	@Override
	public void handle(PatientErased event, EventMetadata metadata) {
		if (patients.erase(event.patientId(), event.erasedAt())) {
			features.publishEvent(new PatientForgotten(event.patientId()));
		}
	}

}
