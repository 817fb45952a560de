package care.parcours.patient.worklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.patient.access.Accessor;
import care.parcours.patient.consent.PartnerSharing;
import care.parcours.patient.patients.PatientNames;
import care.parcours.patient.worklist.WorkItems.WorkRow;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A page of the work list as its reader may see it. Patients' names follow the patient
 * list's rule: coordinators and assistants see them, each patient shown audited; billing
 * and admin see the patient's id. A partner client sees only the pathways at its
 * organisation, and a patient's id only while a consent names the partner.
 */
@Service
class WorkList {

	private final WorkItems items;

	private final PatientNames names;

	private final PartnerSharing sharing;

	WorkList(WorkItems items, PatientNames names, PartnerSharing sharing) {
		this.items = items;
		this.names = names;
		this.sharing = sharing;
	}

	@Transactional
	Page<WorkItem> page(WorkListFilter filter, PageQuery query, Accessor accessor) {
		UUID partner = accessor.partnerId();
		if (partner != null) {
			Page<WorkRow> rows = items.page(filter.forPartner(partner), query);
			return rows
				.map(row -> WorkItem.of(row, sharing.allows(row.patientId(), partner) ? row.patientId() : null, null));
		}
		Page<WorkRow> rows = items.page(filter, query);
		if (!PatientNames.shownTo(accessor)) {
			return rows.map(row -> WorkItem.of(row, row.patientId(), null));
		}
		Map<UUID, String> shown = names.shownInList(rows.content().stream().map(WorkRow::patientId).toList(), accessor);
		return rows.map(row -> WorkItem.of(row, row.patientId(), shown.get(row.patientId())));
	}

	/**
	 * One pathway in the work list.
	 *
	 * @param patientId whose pathway; absent for a partner without the patient's consent
	 * @param patientName the patient's given and family names, for coordinators and
	 * assistants only
	 */
	record WorkItem(UUID pathwayId, long version, String status, @Nullable UUID patientId, @Nullable String patientName,
			TemplateRef template, String coordinatorId, @Nullable UUID partnerId, Instant anchorAt,
			WorkItems.@Nullable NextStep nextStep, int openAlerts, List<String> alertKinds) {

		static WorkItem of(WorkRow row, @Nullable UUID patientId, @Nullable String patientName) {
			return new WorkItem(row.pathwayId(), row.version(), row.status().name(), patientId, patientName,
					new TemplateRef(row.templateId(), row.templateCode(), row.templateVersion()), row.coordinatorId(),
					row.partnerId(), row.anchorAt(), row.nextStep(), row.openAlerts(),
					row.alertKinds().stream().map(Enum::name).toList());
		}

		@Override
		public String toString() {
			return "WorkItem[pathwayId=" + pathwayId + "]";
		}

	}

	@Schema(name = "WorkItemTemplate")
	record TemplateRef(UUID id, String code, int version) {

	}

}
