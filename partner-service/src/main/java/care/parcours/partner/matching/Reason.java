package care.parcours.partner.matching;

/**
 * Why a partner matched one criterion, in words a coordinator can read.
 *
 * @param criterion which criterion
 * @param explanation what about the partner satisfied it
 */
public record Reason(Criterion criterion, String explanation) {

	/** The criteria of a {@link PartnerSearch}. */
	public enum Criterion {

		SPECIALTY, LANGUAGE, LOCATION, KIND, ACCREDITATION, DISTANCE

	}

}
