package care.parcours.patient.worklist;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import care.parcours.patient.access.Accessor;
import care.parcours.patient.pathways.AlertKind;
import care.parcours.patient.pathways.PathwayStatus;
import care.parcours.patient.worklist.WorkList.WorkItem;
import care.parcours.platform.security.Caller;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Pathways")
class WorkListController {

	/** The coordinator filter that names the caller. */
	static final String ME = "me";

	private final WorkList workList;

	WorkListController(WorkList workList) {
		this.workList = workList;
	}

	@GetMapping("/api/pathways")
	@Operation(summary = "The work list",
			description = "Active pathways (open and on hold unless status says otherwise) with their next step, "
					+ "open alerts, partner, coordinator and template: pathways with open alerts first, then by "
					+ "the next step's due date. Coordinators and assistants see the patient's name, each patient "
					+ "shown audited as in the patient list; billing and admin the patient's id; a partner client "
					+ "only the pathways at its organisation, and the patient's id only while a consent names it. "
					+ "A page counts the list exactly up to 1,000 pathways (PARCOURS_PATIENT_PATHWAYS_WORK_LIST_COUNT_UP_TO), "
					+ "or to the end of the page asked if further: past that, page.totalExact is false and "
					+ "page.totalElementsAtLeast takes the place of totalElements and totalPages.")
	Page<WorkItem> list(PageQuery page,
			@Parameter(description = "The responsible coordinator's user id, or 'me'") @RequestParam(
					required = false) @Nullable String coordinator,
			@Parameter(description = "The partner the pathways are at") @RequestParam(
					required = false) @Nullable UUID partner,
			@Parameter(
					description = "Statuses, repeated or comma-separated; OPEN and ON_HOLD when absent") @RequestParam(
							required = false) @Nullable Set<PathwayStatus> status,
			@Parameter(description = "An open alert of this kind") @RequestParam(
					required = false) @Nullable AlertKind alert,
			@Parameter(description = "With open alerts (true) or without (false)") @RequestParam(
					required = false) @Nullable Boolean hasAlerts,
			@Parameter(description = "Opened from this template") @RequestParam(
					required = false) @Nullable UUID template,
			@Parameter(description = "The next step due before this instant") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant dueBefore,
			Accessor accessor) {
		String coordinatorId = ME.equals(coordinator) ? Caller.current().subject() : coordinator;
		WorkListFilter filter = new WorkListFilter(coordinatorId, partner, status == null ? Set.of() : status, alert,
				hasAlerts, template, dueBefore);
		return workList.page(filter, page, accessor);
	}

}
