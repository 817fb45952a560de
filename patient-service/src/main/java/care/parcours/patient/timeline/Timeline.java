package care.parcours.patient.timeline;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import care.parcours.patient.pathways.Pathway;
import care.parcours.patient.pathways.StepStatus;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pathway's timeline: read by page, and written by the features that add facts of their
 * own (a move requested and its answer).
 */
@Service
public class Timeline {

	private final TimelineEntries entries;

	private final StepTracks tracks;

	Timeline(TimelineEntries entries, StepTracks tracks) {
		this.entries = entries;
		this.tracks = tracks;
	}

	/**
	 * Records a fact, in the caller's transaction; the same fact twice is recorded once.
	 */
	@Transactional
	public void record(TimelineEntry entry) {
		entries.add(entry);
	}

	/**
	 * Records that a step was found overdue: the pathway's own fact, at the version the
	 * marking left it.
	 */
	@Transactional
	public void recordOverdue(Pathway pathway, UUID stepId, Instant at) {
		Map<String, String> details = pathway.step(stepId)
			.map(step -> TimelineEntry.details("dueAt", step.dueAt(), "tolerance", step.tolerance()))
			.orElse(Map.of());
		entries.add(new TimelineEntry(UUID.randomUUID(), pathway.id(), stepId, "STEP_OVERDUE", at, at, null, null,
				pathway.id().toString(), pathway.version(), true, StepStatus.OVERDUE.name(), details));
	}

	/** The latest start known of each of these holds or appointments, by id. */
	@Transactional(readOnly = true)
	public Map<UUID, Instant> startsOf(Collection<UUID> bookings) {
		return tracks.startsOf(bookings);
	}

	@Transactional(readOnly = true)
	Page<TimelineEntry> of(UUID pathwayId, PageQuery page, boolean newestFirst) {
		return Page.of(entries.page(pathwayId, page, newestFirst), page, entries.count(pathwayId));
	}

}
