package care.parcours.billing.coverage;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What coverage needs to know of a quote to request an authorisation for it, answered by
 * the quotes feature (which depends on coverage, not the other way round).
 */
public interface QuotedCare {

	/** The quote's latest version, as its insurers would be asked to cover it. */
	Optional<Quoted> latest(UUID quoteId);

	/**
	 * A quote's latest version.
	 *
	 * @param quoteId the quote
	 * @param version its number
	 * @param pathwayId the quote's care pathway
	 * @param stepId its step, if any
	 * @param split who pays what of it
	 */
	record Quoted(UUID quoteId, int version, UUID pathwayId, @Nullable UUID stepId, CoverageSplit split) {

	}

}
