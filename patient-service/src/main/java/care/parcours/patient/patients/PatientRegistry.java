package care.parcours.patient.patients;

import java.time.Clock;
import java.util.UUID;

import care.parcours.patient.access.AccessAction;
import care.parcours.patient.access.AccessLog;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.outbox.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens and reads patient records, recording every access. */
@Service
class PatientRegistry {

	private final PatientRecords records;

	private final AccessLog accessLog;

	private final Outbox outbox;

	private final Clock clock;

	PatientRegistry(PatientRecords records, AccessLog accessLog, Outbox outbox, Clock clock) {
		this.records = records;
		this.accessLog = accessLog;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	Patient register(PatientIdentity identity, String actor) {
		Patient patient = Patient.register(UUID.randomUUID(), identity, clock.instant());
		records.add(patient);
		accessLog.record(patient.id(), actor, AccessAction.CREATE);
		outbox.publish(patient.registered(), patient.id(), patient.version());
		return patient;
	}

	@Transactional
	Patient read(UUID id, String actor) {
		Patient patient = records.find(id).orElseThrow(() -> new PatientNotFound(id));
		accessLog.record(id, actor, AccessAction.READ);
		return patient;
	}

	/** No patient has this id, or the caller may not know it exists. */
	static final class PatientNotFound extends NotFoundException {

		PatientNotFound(UUID id) {
			super("patient-not-found", "No patient record has the id " + id + ".");
		}

	}

}
