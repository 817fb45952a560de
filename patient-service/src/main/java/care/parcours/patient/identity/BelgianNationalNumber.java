package care.parcours.patient.identity;

/**
 * A Belgian national register number (numéro de registre national, rijksregisternummer,
 * also the social security number NISS/INSZ): birth date as YYMMDD, a 3-digit serial and
 * 2 check digits, 97 minus the first 9 digits modulo 97. For people born from 2000 on the
 * check is computed over the 9 digits preceded by a 2 (2000000000 + the 9 digits), so
 * either rule may hold. The date part is not checked against the record's birth date: bis
 * numbers shift the month by 20 or 40, and an unknown day or month is written 00.
 *
 * @param value 11 digits, without separators
 */
public record BelgianNationalNumber(String value) implements Identifier {

	public BelgianNationalNumber {
		value = Identifier.compact(value);
		if (!value.matches("[0-9]{11}")) {
			throw InvalidField.of("must be a national register number of 11 digits");
		}
		long first9 = Long.parseLong(value.substring(0, 9));
		int check = Integer.parseInt(value.substring(9));
		if (check != 97 - first9 % 97 && check != 97 - (2_000_000_000L + first9) % 97) {
			throw InvalidField.of("is not a valid national register number: its check digits do not match");
		}
	}

	@Override
	public IdentifierType type() {
		return IdentifierType.BE_NATIONAL_REGISTER;
	}

	@Override
	public String issuer() {
		return "";
	}

	@Override
	public String toString() {
		return "BelgianNationalNumber[redacted]";
	}

}
