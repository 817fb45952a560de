package care.parcours.patient.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import care.parcours.patient.PatientGone;
import care.parcours.patient.access.AccessAction;
import care.parcours.patient.access.AccessLog;
import care.parcours.patient.access.Accessor;
import care.parcours.patient.clinical.ClinicalPatients;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records consents and their withdrawal, each audited and announced (ids and codes only)
 * in the same transaction.
 */
@Service
class ConsentRegistry {

	private final Consents consents;

	private final ClinicalPatients patients;

	private final AccessLog accessLog;

	private final Outbox outbox;

	private final Clock clock;

	ConsentRegistry(Consents consents, ClinicalPatients patients, AccessLog accessLog, Outbox outbox, Clock clock) {
		this.consents = consents;
		this.patients = patients;
		this.accessLog = accessLog;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	Consent grant(UUID patientId, ConsentPurpose purpose, @Nullable UUID partnerId, ConsentMethod method,
			@Nullable Instant effectiveFrom, Accessor accessor) {
		requirePatient(patientId);
		Instant now = clock.instant();
		Consent consent = Consent.grant(UUID.randomUUID(), patientId, purpose, partnerId, method,
				effectiveFrom == null ? now : effectiveFrom, accessor.subject(), now);
		consents.add(consent);
		accessLog.record(patientId, accessor, AccessAction.CONSENT_GRANT, consent.id());
		outbox.publish(consent.granted(), consent.id(), consent.version());
		return consent;
	}

	@Transactional
	Consent withdraw(UUID patientId, UUID consentId, ExpectedVersion expected, ConsentMethod method,
			@Nullable Instant withdrawnAt, Accessor accessor) {
		Consent current = find(patientId, consentId);
		Instant now = clock.instant();
		// Already withdrawn says more than a stale version would: check it first.
		Consent withdrawn = current.withdraw(method, withdrawnAt == null ? now : withdrawnAt, accessor.subject(), now);
		expected.requireCurrent("Consent " + consentId, current.version());
		consents.recordWithdrawal(withdrawn);
		accessLog.record(patientId, accessor, AccessAction.CONSENT_WITHDRAW, consentId);
		outbox.publish(withdrawn.withdrawn(), consentId, withdrawn.version());
		return withdrawn;
	}

	@Transactional
	Consent read(UUID patientId, UUID consentId, Accessor accessor) {
		Consent consent = find(patientId, consentId);
		accessLog.record(patientId, accessor, AccessAction.CONSENT_LIST, consentId);
		return consent;
	}

	@Transactional
	Page<Consent> list(UUID patientId, PageQuery query, Accessor accessor) {
		requirePatient(patientId);
		Page<Consent> page = consents.ofPatient(patientId, query);
		accessLog.record(patientId, accessor, AccessAction.CONSENT_LIST);
		return page;
	}

	Instant now() {
		return clock.instant();
	}

	private Consent find(UUID patientId, UUID consentId) {
		requirePatient(patientId);
		return consents.find(patientId, consentId)
			.orElseThrow(() -> new NotFoundException("consent-not-found",
					"Patient " + patientId + " has no consent with the id " + consentId + "."));
	}

	/**
	 * @throws PatientGone when the patient was erased: their consents are kept as
	 * evidence (ids, purposes and times), but no longer read or changed through the API
	 */
	void requirePatient(UUID patientId) {
		patients.requireExists(patientId);
	}

}
