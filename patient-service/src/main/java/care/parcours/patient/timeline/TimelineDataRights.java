package care.parcours.patient.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.patient.PatientDataExport;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timelines of a patient's pathways in their export. An erasure leaves them: they
 * hold ids, codes and times only (no word typed about the patient), as the cancelled
 * pathways they belong to and the other services' own records do.
 */
@Component
class TimelineDataRights implements PatientDataExport {

	private final TimelineEntries entries;

	TimelineDataRights(TimelineEntries entries) {
		this.entries = entries;
	}

	/** One pathway's timeline, oldest first. */
	record PathwayTimeline(UUID pathwayId, List<Fact> facts) {

	}

	/** A fact of the timeline, as the export shows it. */
	record Fact(String what, Instant occurredAt, @Nullable UUID stepId, @Nullable String stepStatus,
			Map<String, String> details) {

	}

	@Override
	public String section() {
		return "pathwayTimelines";
	}

	@Override
	@Transactional(readOnly = true)
	public List<PathwayTimeline> export(UUID patientId) {
		Map<UUID, List<Fact>> byPathway = new LinkedHashMap<>();
		for (TimelineEntry entry : entries.ofPatient(patientId)) {
			byPathway.computeIfAbsent(entry.pathwayId(), id -> new ArrayList<>())
				.add(new Fact(entry.what(), entry.occurredAt(), entry.stepId(), entry.stepStatus(), entry.details()));
		}
		return byPathway.entrySet()
			.stream()
			.map(pathway -> new PathwayTimeline(pathway.getKey(), pathway.getValue()))
			.toList();
	}

}
