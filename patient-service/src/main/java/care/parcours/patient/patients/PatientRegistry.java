package care.parcours.patient.patients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import care.parcours.patient.access.AccessAction;
import care.parcours.patient.access.AccessLog;
import care.parcours.patient.access.Accessor;
import care.parcours.patient.consent.PartnerSharing;
import care.parcours.patient.identity.LookupTerm;
import care.parcours.patient.identity.PatientIdentity;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.security.Roles;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, reads, edits and finds patient records, recording every access, and refuses a
 * second record of the same person unless the caller confirms it is someone else.
 */
@Service
class PatientRegistry {

	/** Most patients one look-up or search shows: enough to choose, too few to browse. */
	static final int MOST_FOUND = 20;

	private final PatientRecords records;

	private final AccessLog accessLog;

	private final Outbox outbox;

	private final PartnerSharing sharing;

	private final Clock clock;

	PatientRegistry(PatientRecords records, AccessLog accessLog, Outbox outbox, PartnerSharing sharing, Clock clock) {
		this.records = records;
		this.sharing = sharing;
		this.accessLog = accessLog;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	Patient register(PatientIdentity identity, Set<UUID> confirmedDistinct, Accessor accessor) {
		requireNoOtherRecord(null, identity, confirmedDistinct);
		Patient patient = Patient.register(UUID.randomUUID(), identity, clock.instant());
		records.add(patient);
		accessLog.record(patient.id(), accessor, AccessAction.CREATE);
		outbox.publish(patient.registered(), patient.id(), patient.version());
		return patient;
	}

	@Transactional
	Patient read(UUID id, Accessor accessor) {
		Patient patient = records.find(id).orElseThrow(() -> new PatientNotFound(id));
		accessLog.record(id, accessor, AccessAction.READ);
		return patient;
	}

	/**
	 * A partner's read: allowed only while a consent naming the partner holds, and
	 * audited either way. The refusal's audit row commits although the request fails; an
	 * unknown id is refused alike (no consent names it), so that a partner cannot probe
	 * which ids exist, and leaves no row since there is no patient to attach it to.
	 * @throws PartnerSharing.ConsentRequired without a current consent
	 */
	@Transactional(noRollbackFor = PartnerSharing.ConsentRequired.class)
	Patient readForPartner(UUID id, UUID partnerId, Accessor accessor) {
		if (!sharing.allows(id, partnerId)) {
			if (records.exists(id)) {
				accessLog.recordRefusal(id, accessor, AccessAction.READ);
			}
			throw new PartnerSharing.ConsentRequired(id, partnerId);
		}
		Patient patient = records.find(id).orElseThrow(() -> new PatientNotFound(id));
		accessLog.record(id, accessor, AccessAction.READ);
		return patient;
	}

	/**
	 * Replaces a patient's identity, if the caller edited the current version. No event:
	 * other services know the patient by id only, which does not change.
	 */
	@Transactional
	Patient revise(UUID id, ExpectedVersion expected, PatientIdentity identity, Set<UUID> confirmedDistinct,
			Accessor accessor) {
		Patient current = records.find(id).orElseThrow(() -> new PatientNotFound(id));
		expected.requireCurrent("Patient " + id, current.version());
		requireNoOtherRecord(id, identity, confirmedDistinct);
		Patient next = current.revise(identity, clock.instant());
		records.update(next);
		accessLog.record(id, accessor, AccessAction.UPDATE);
		return next;
	}

	/** Whether a caller's roles let them see patients' names in lists. */
	static boolean showsNames(Accessor accessor) {
		return accessor.roles().contains(Roles.COORDINATOR) || accessor.roles().contains(Roles.ASSISTANT);
	}

	/** A page of records with their identities; each patient shown is audited. */
	@Transactional
	Page<Patient> list(PageQuery query, Accessor accessor) {
		Page<Patient> page = records.list(query);
		accessLog.recordAll(page.content().stream().map(Patient::id).toList(), accessor, AccessAction.LIST);
		return page;
	}

	/** A page of registrations: ids and dates, nothing personal, so nothing to audit. */
	Page<PatientRecords.Registration> listRegistrations(PageQuery query) {
		return records.listRegistrations(query);
	}

	/** The patients an exact term (identifier, e-mail, phone) finds; each audited. */
	@Transactional
	List<Patient> lookUp(LookupTerm term, Accessor accessor) {
		List<Patient> found = open(records.findBy(term, MOST_FOUND));
		accessLog.recordAll(found.stream().map(Patient::id).toList(), accessor, AccessAction.LOOKUP);
		return found;
	}

	/**
	 * The patients of a family name born in a year, or on a date: the blind index finds
	 * those of the name and year, the date is compared once they are decrypted. Only
	 * those shown are audited.
	 */
	@Transactional
	List<Patient> search(String familyName, int birthYear, @Nullable LocalDate birthDate, Accessor accessor) {
		List<Patient> found = open(
				records.findBy(PatientIdentity.familyNameAndBirthYear(familyName, birthYear), MOST_FOUND * 5))
			.stream()
			.filter(patient -> birthDate == null || patient.identity().birthDate().equals(birthDate))
			.limit(MOST_FOUND)
			.toList();
		accessLog.recordAll(found.stream().map(Patient::id).toList(), accessor, AccessAction.SEARCH);
		return found;
	}

	private List<Patient> open(List<UUID> ids) {
		return ids.stream().map(id -> records.find(id).orElseThrow(() -> new PatientNotFound(id))).toList();
	}

	private void requireNoOtherRecord(@Nullable UUID self, PatientIdentity identity, Set<UUID> confirmedDistinct) {
		List<LookupTerm> terms = identity.duplicateTerms();
		records.lock(terms);
		Map<UUID, Set<String>> others = new LinkedHashMap<>();
		for (LookupTerm term : terms) {
			for (UUID other : records.findBy(term, MOST_FOUND)) {
				if (!other.equals(self) && !confirmedDistinct.contains(other)) {
					others.computeIfAbsent(other, id -> new LinkedHashSet<>())
						.add(term.kind() == LookupTerm.Kind.IDENTIFIER ? "identifier" : "name-and-birth-date");
				}
			}
		}
		if (!others.isEmpty()) {
			throw new PatientAlreadyRegistered(others);
		}
	}

	/** No patient has this id, or the caller may not know it exists. */
	static final class PatientNotFound extends NotFoundException {

		PatientNotFound(UUID id) {
			super("patient-not-found", "No patient record has the id " + id + ".");
		}

	}

	/**
	 * Another record holds one of the identifiers, or the same names and birth date. The
	 * problem names the records and what matched, never the values.
	 */
	static final class PatientAlreadyRegistered extends ConflictException {

		PatientAlreadyRegistered(Map<UUID, Set<String>> others) {
			super("patient-already-registered", "Patient record " + others.keySet().iterator().next()
					+ " may be the same person (same identifier, or same names and birth date). Open it instead, or, "
					+ "if this is someone else, send again with its id in confirmedDistinctFrom.",
					Map.of("existingPatientIds", List.copyOf(others.keySet()), "matchedOn",
							others.values().stream().flatMap(Set::stream).distinct().toList()));
		}

	}

}
