package care.parcours.patient.patients;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import care.parcours.patient.access.AccessAction;
import care.parcours.patient.access.AccessLog;
import care.parcours.patient.access.Accessor;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients' names for the lists of other features (the pathways' work list), under the
 * patient list's rule: only coordinators and assistants see names in lists, and each
 * patient shown is audited ({@link AccessAction#LIST}) in the list's transaction. Only
 * the names are read from each identity ({@link PatientRecords#displayNames}).
 */
@Component
public class PatientNames {

	private final PatientRecords records;

	private final AccessLog accessLog;

	PatientNames(PatientRecords records, AccessLog accessLog) {
		this.records = records;
		this.accessLog = accessLog;
	}

	/** Whether the caller's roles let them see patients' names in lists. */
	public static boolean shownTo(Accessor accessor) {
		return PatientRegistry.showsNames(accessor);
	}

	/**
	 * The display names ("given family") of the active patients among {@code ids}, each
	 * audited as shown in a list; erased patients have none.
	 * @throws IllegalStateException when the caller may not see names in lists
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<UUID, String> shownInList(Collection<UUID> ids, Accessor accessor) {
		if (!shownTo(accessor)) {
			throw new IllegalStateException("Names in lists are for coordinators and assistants");
		}
		Map<UUID, String> names = records.displayNames(ids.stream().distinct().toList());
		accessLog.recordAll(names.keySet(), accessor, AccessAction.LIST);
		return names;
	}

}
