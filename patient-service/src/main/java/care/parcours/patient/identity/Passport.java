package care.parcours.patient.identity;

import java.util.Locale;

/**
 * A passport number with the country that issued it: numbers are only unique per country.
 * ICAO 9303 allows up to 9 characters in the machine-readable zone, but some countries
 * print longer numbers; we accept 5 to 20 letters and digits.
 *
 * @param issuingCountry ISO 3166-1 alpha-2 code
 * @param value the number, upper case, without spaces
 */
public record Passport(String issuingCountry, String value) implements Identifier {

	public Passport {
		if (!Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(issuingCountry)) {
			throw new InvalidField("issuingCountry", "must be an ISO 3166-1 alpha-2 country code such as FR");
		}
		value = Identifier.compact(value).toUpperCase(Locale.ROOT);
		if (!value.matches("[A-Z0-9]{5,20}")) {
			throw new InvalidField("value", "must be a passport number of 5 to 20 letters and digits");
		}
	}

	@Override
	public IdentifierType type() {
		return IdentifierType.PASSPORT;
	}

	@Override
	public String issuer() {
		return issuingCountry;
	}

	@Override
	public String toString() {
		return "Passport[redacted]";
	}

}
