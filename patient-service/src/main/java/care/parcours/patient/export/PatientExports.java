package care.parcours.patient.export;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.patient.PatientDataExport;
import care.parcours.patient.access.AccessAction;
import care.parcours.patient.access.AccessLog;
import care.parcours.patient.access.Accessor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers a patient's export from every feature, in one transaction so that the sections
 * agree with each other, and records it in the access log.
 */
@Service
class PatientExports {

	private final List<PatientDataExport> contributors;

	private final AccessLog accessLog;

	private final Clock clock;

	PatientExports(List<PatientDataExport> contributors, AccessLog accessLog, Clock clock) {
		// Sorted by name: the document's order does not depend on the order beans were
		// found.
		this.contributors = contributors.stream().sorted(Comparator.comparing(PatientDataExport::section)).toList();
		this.accessLog = accessLog;
		this.clock = clock;
	}

	@Transactional
	Map<String, Object> export(UUID patientId, Accessor accessor) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("patientId", patientId);
		document.put("exportedAt", clock.instant());
		for (PatientDataExport contributor : contributors) {
			if (document.put(contributor.section(), contributor.export(patientId)) != null) {
				throw new IllegalStateException("Two export sections are named " + contributor.section());
			}
		}
		// After the sections: the record's own section refuses an unknown or erased
		// patient.
		accessLog.record(patientId, accessor, AccessAction.EXPORT);
		return document;
	}

}
