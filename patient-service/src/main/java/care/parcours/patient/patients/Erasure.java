package care.parcours.patient.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

/**
 * What became of an erasure request: done ({@code ERASED}, with {@code erasedAt}), or
 * deferred by a hold ({@code PENDING}, due at {@code dueAt}).
 *
 * @param patientId the patient
 * @param status {@code ERASED} or {@code PENDING}
 * @param erasedAt when it was erased, once it is
 * @param retainUntil the last day the record is kept, when held
 * @param reason why it is kept, when held
 * @param dueAt when the erasure happens, when held
 * @param version the record's version after the request, answered as the ETag (the
 * erasure is an edit checked by If-Match, so it answers the version it leaves)
 */
record Erasure(UUID patientId, String status, @Nullable Instant erasedAt, @Nullable LocalDate retainUntil,
		@Nullable ErasureHold reason, @Nullable Instant dueAt, @JsonIgnore long version) {

	static Erasure done(UUID patientId, Instant erasedAt, long version) {
		return new Erasure(patientId, "ERASED", erasedAt, null, null, null, version);
	}

	static Erasure pending(UUID patientId, LocalDate retainUntil, ErasureHold reason, Instant dueAt, long version) {
		return new Erasure(patientId, "PENDING", null, retainUntil, reason, dueAt, version);
	}

	boolean isDone() {
		return erasedAt != null;
	}

}
