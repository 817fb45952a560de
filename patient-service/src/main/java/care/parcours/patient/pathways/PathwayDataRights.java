package care.parcours.patient.pathways;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import care.parcours.patient.PatientDataErasure;
import care.parcours.patient.PatientDataExport;
import care.parcours.patient.pathways.PathwayViews.PathwayView;

import org.springframework.stereotype.Component;

/**
 * Pathways in a patient's export (each pathway whole: steps, alerts, reasons) and in
 * their erasure (active pathways cancelled, every coordinator's words removed; ids, codes
 * and dates stay, as other services keep them too).
 */
@Component
class PathwayDataRights implements PatientDataExport, PatientDataErasure {

	private final Pathways pathways;

	private final Clock clock;

	PathwayDataRights(Pathways pathways, Clock clock) {
		this.pathways = pathways;
		this.clock = clock;
	}

	@Override
	public String section() {
		return "pathways";
	}

	@Override
	public List<PathwayView> export(UUID patientId) {
		return pathways.ofPatient(patientId)
			.stream()
			.flatMap(id -> pathways.find(id).stream())
			.map(PathwayView::of)
			.toList();
	}

	@Override
	public void erase(UUID patientId) {
		for (UUID id : pathways.ofPatient(patientId)) {
			Pathway before = pathways.lock(id).orElseThrow();
			pathways.save(before, before.forgetPatient(clock.instant()));
		}
	}

}
