package care.parcours.billing.catalogue;

import care.parcours.platform.domain.InvalidRequestException;

/**
 * Why a value of an item or a tariff is refused: the field and the reason, as an import
 * report lists it and a validation problem names it.
 *
 * @param field the field, such as {@code code}
 * @param reason why, such as {@code is not a CCAM code: ...}
 */
public record Refusal(String field, String reason) {

	/** The refusal as a 400 validation problem naming the field under {@code prefix}. */
	public InvalidRequestException asProblem(String prefix) {
		return InvalidRequestException.ofField(prefix + field, reason);
	}

}
