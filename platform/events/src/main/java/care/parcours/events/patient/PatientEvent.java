package care.parcours.events.patient;

import care.parcours.events.DomainEvent;
import care.parcours.events.Topic;

/** Every event patient-service publishes, on its topic. */
@Topic(PatientEvent.TOPIC)
public sealed interface PatientEvent extends DomainEvent permits PatientRegistered, ConsentGranted, ConsentWithdrawn,
		PatientErased, PathwayOpened, PathwayStepChanged, PathwayAlertRaised, PathwayClosed, PathwayMoveRequested {

	String TOPIC = "parcours.patient.v1";

}
