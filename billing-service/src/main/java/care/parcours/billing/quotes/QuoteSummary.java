package care.parcours.billing.quotes;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A quote as listed: its current version's status and total.
 *
 * @param id the quote's id
 * @param patientId the patient it is for
 * @param status draft, sent, accepted, declined or expired
 * @param currency ISO 4217 code
 * @param totalMinor the total in minor units of the currency (cents)
 * @param version the current version number
 * @param createdAt when the quote was first drafted
 */
public record QuoteSummary(UUID id, UUID patientId, @Nullable UUID partnerId, String status, String currency,
		long totalMinor, long version, Instant createdAt) {

}
