package care.parcours.patient.consent;

import java.util.List;
import java.util.UUID;

import care.parcours.patient.PatientDataExport;

import org.springframework.stereotype.Component;

/**
 * Consents' part of the export: every consent the patient gave, withdrawn ones included,
 * with how, when and by whom each grant and withdrawal was recorded (the patient is
 * entitled to know who recorded what they agreed to).
 */
@Component
class ConsentExport implements PatientDataExport {

	private final ConsentRegistry registry;

	private final Consents consents;

	ConsentExport(ConsentRegistry registry, Consents consents) {
		this.registry = registry;
		this.consents = consents;
	}

	@Override
	public String section() {
		return "consents";
	}

	@Override
	public List<Consent> export(UUID patientId) {
		registry.requirePatient(patientId);
		return consents.allOf(patientId);
	}

}
