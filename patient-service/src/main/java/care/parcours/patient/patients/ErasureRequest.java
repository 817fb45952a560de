package care.parcours.patient.patients;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An erasure request: at once, or, under a legal hold or a retention period, once the day
 * {@code retainUntil} has passed (UTC).
 *
 * @param retainUntil the last day the record must be kept, with {@code reason}
 * @param reason why it must be kept, with {@code retainUntil}
 */
record ErasureRequest(
		@Schema(description = "The last day the record must be kept; the erasure happens the day after (UTC). "
				+ "Absent: erased at once.") @Nullable LocalDate retainUntil,
		@Schema(description = "Why the record must be kept until then; required with retainUntil") @Nullable ErasureHold reason) {

	static final ErasureRequest NOW = new ErasureRequest(null, null);

}
