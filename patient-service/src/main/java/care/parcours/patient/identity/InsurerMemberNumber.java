package care.parcours.patient.identity;

import java.util.Locale;

/**
 * A member number at an insurer: a mutual insurer (mutualité, ziekenfonds), a private or
 * an international one. Formats differ from one insurer to the next, so only the shape is
 * checked.
 *
 * @param insurer the insurer's name or code, as the network knows it
 * @param value the number, upper case, without separators
 */
public record InsurerMemberNumber(String insurer, String value) implements Identifier {

	public InsurerMemberNumber {
		insurer = insurer.strip();
		if (insurer.isEmpty() || insurer.length() > 100) {
			throw new InvalidField("insurer", "must name the insurer in 1 to 100 characters");
		}
		value = Identifier.compact(value).toUpperCase(Locale.ROOT);
		if (!value.matches("[A-Z0-9]{1,40}")) {
			throw new InvalidField("value", "must be a member number of 1 to 40 letters and digits");
		}
	}

	@Override
	public IdentifierType type() {
		return IdentifierType.INSURER_MEMBER;
	}

	@Override
	public String issuer() {
		return FoldedName.of(insurer).value();
	}

	@Override
	public String toString() {
		return "InsurerMemberNumber[redacted]";
	}

}
