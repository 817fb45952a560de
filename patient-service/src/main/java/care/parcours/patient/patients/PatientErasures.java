package care.parcours.patient.patients;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.events.patient.PatientErased;
import care.parcours.patient.PatientDataErasure;
import care.parcours.patient.access.AccessAction;
import care.parcours.patient.access.AccessLog;
import care.parcours.patient.access.Accessor;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.outbox.Outbox;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GDPR erasure by crypto-shredding: the patient's data key is destroyed, their blind
 * indexes and ciphertext deleted, every feature's rows about them deleted (each
 * {@link PatientDataErasure}), and the row kept as a tombstone so that the ids held
 * elsewhere stay valid; {@code patient.patient.erased.v1} tells the other services. A
 * legal hold or a retention period defers it: the request is recorded, and
 * {@link DueErasures} carries it out the day after the record need no longer be kept.
 */
@Service
class PatientErasures {

	/**
	 * Who the audit trail names for an erasure the service carries out when it falls due.
	 */
	static final Accessor SERVICE = new Accessor("patient-service", Set.of(), null);

	private final PatientRecords records;

	private final List<PatientDataErasure> features;

	private final JdbcClient jdbc;

	private final AccessLog accessLog;

	private final Outbox outbox;

	private final Clock clock;

	PatientErasures(PatientRecords records, List<PatientDataErasure> features, JdbcClient jdbc, AccessLog accessLog,
			Outbox outbox, Clock clock) {
		this.records = records;
		this.features = features;
		this.jdbc = jdbc;
		this.accessLog = accessLog;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Erases a record now, or records the request until the hold it names lapses. A
	 * second request while one is pending replaces it (a hold extended, or lifted).
	 * @throws care.parcours.patient.PatientGone when it was erased already
	 */
	@Transactional
	Erasure request(UUID id, ExpectedVersion expected, ErasureRequest request, Accessor accessor) {
		Instant now = clock.instant();
		requireConsistent(request, now);
		PatientRecords.Registration patient = records.lockForErasure(id)
			.orElseThrow(() -> new PatientRegistry.PatientNotFound(id));
		expected.requireCurrent("Patient " + id, patient.version());
		if (request.retainUntil() == null || request.reason() == null) {
			record(id, now, null, null, now, accessor);
			return erase(patient, now, accessor);
		}
		Instant dueAt = request.retainUntil().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		record(id, now, request.retainUntil(), request.reason(), dueAt, accessor);
		accessLog.record(id, accessor, AccessAction.ERASURE_REQUESTED);
		return Erasure.pending(id, request.retainUntil(), request.reason(), dueAt, patient.version());
	}

	/**
	 * Carries out up to {@code limit} erasures whose hold has lapsed, locking them so
	 * that instances share the work.
	 * @return the patients erased
	 */
	@Transactional
	List<UUID> eraseDue(int limit) {
		Instant now = clock.instant();
		List<UUID> due = jdbc.sql("""
				select patient_id from patient_erasure where erased_at is null and due_at <= ?
				order by due_at limit ? for update skip locked
				""").params(Timestamp.from(now), limit).query(UUID.class).list();
		for (UUID id : due) {
			records.lockForErasure(id).ifPresent(patient -> erase(patient, now, SERVICE));
		}
		return due;
	}

	private Erasure erase(PatientRecords.Registration patient, Instant now, Accessor accessor) {
		long version = patient.version() + 1;
		// The features' rows first, the key last: a feature that fails rolls the whole
		// erasure back while its data can still be opened.
		features.forEach(feature -> feature.erase(patient.id()));
		records.erase(patient.id(), version, now);
		jdbc.sql("update patient_erasure set erased_at = ? where patient_id = ?")
			.params(Timestamp.from(now), patient.id())
			.update();
		accessLog.record(patient.id(), accessor, AccessAction.ERASE);
		outbox.publish(new PatientErased(patient.id(), now), patient.id(), version);
		return Erasure.done(patient.id(), now, version);
	}

	private void record(UUID id, Instant now, @Nullable LocalDate retainUntil, @Nullable ErasureHold reason,
			Instant dueAt, Accessor accessor) {
		jdbc.sql("""
				insert into patient_erasure (patient_id, requested_at, requested_by, retain_until, hold_reason, due_at)
				values (?, ?, ?, ?, ?, ?)
				on conflict (patient_id) do update set requested_at = excluded.requested_at,
				requested_by = excluded.requested_by, retain_until = excluded.retain_until,
				hold_reason = excluded.hold_reason, due_at = excluded.due_at
				""")
			.params(id, Timestamp.from(now), accessor.subject(), retainUntil, reason == null ? null : reason.name(),
					Timestamp.from(dueAt))
			.update();
	}

	private static void requireConsistent(ErasureRequest request, Instant now) {
		if ((request.retainUntil() == null) != (request.reason() == null)) {
			throw InvalidRequestException.ofField(request.reason() == null ? "reason" : "retainUntil",
					"retainUntil and reason go together: the last day the record is kept, and why");
		}
		if (request.retainUntil() != null && request.retainUntil().isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC))) {
			throw InvalidRequestException.ofField("retainUntil", "must be today or later");
		}
	}

}
