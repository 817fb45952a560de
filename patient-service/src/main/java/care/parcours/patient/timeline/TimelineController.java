package care.parcours.patient.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import care.parcours.patient.pathways.PathwayService;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Pathway timeline", description = "What happened on a care pathway, fact by fact, as the work its "
		+ "steps started reported it: holds, appointments, waiting-list offers, moves")
class TimelineController {

	/** Which way a timeline is read. */
	enum Order {

		NEWEST, OLDEST

	}

	/**
	 * A timeline entry as the API shows it.
	 *
	 * @param what what happened, such as {@code APPOINTMENT_BOOKED},
	 * {@code HOLD_EXPIRED}, {@code MOVE_REFUSED}
	 * @param occurredAt when it happened, by the news' own time
	 * @param recordedAt when the pathway learnt it
	 * @param source the hold, appointment, waiting-list entry or move the fact is about
	 * @param sourceVersion that source's version after the fact
	 * @param eventType the type of the event that told it, if news told it
	 * @param applied whether it changed what is known of the step
	 * @param stepStatus the status the step took because of it, if it moved the step
	 * @param details further ids, codes and times (start, end, reason, practitionerId…)
	 */
	record TimelineEntryView(UUID id, @Nullable UUID stepId, String what, Instant occurredAt, Instant recordedAt,
			String source, long sourceVersion, @Nullable String eventType, boolean applied, @Nullable String stepStatus,
			Map<String, String> details) {

		static TimelineEntryView of(TimelineEntry entry) {
			return new TimelineEntryView(entry.id(), entry.stepId(), entry.what(), entry.occurredAt(),
					entry.recordedAt(), entry.sourceId(), entry.sourceVersion(), entry.eventType(), entry.applied(),
					entry.stepStatus(), entry.details());
		}

	}

	private final Timeline timeline;

	private final PathwayService pathways;

	TimelineController(Timeline timeline, PathwayService pathways) {
		this.timeline = timeline;
		this.pathways = pathways;
	}

	@GetMapping("/api/pathways/{id}/timeline")
	@Operation(summary = "Read a pathway's timeline",
			description = "The facts of the pathway by the time each happened (not when the news arrived), newest "
					+ "first unless order=OLDEST: ids, codes and times only. A fact that arrived late or twice is "
					+ "shown once, at its own time, with applied=false when it changed nothing; stepStatus is the "
					+ "status the step took because of it. Coordinators, assistants, billing staff and admins; a "
					+ "partner only for pathways at its organisation.")
	Page<TimelineEntryView> read(@PathVariable UUID id, @Parameter(
			description = "NEWEST (default) or OLDEST first") @RequestParam(defaultValue = "NEWEST") Order order,
			PageQuery page) {
		pathways.readable(id);
		return timeline.of(id, page, order == Order.NEWEST).map(TimelineEntryView::of);
	}

}
