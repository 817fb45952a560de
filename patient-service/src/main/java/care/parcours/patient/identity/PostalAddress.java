package care.parcours.patient.identity;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where a patient lives or receives mail. Address formats differ too much between the
 * countries our patients come from to check more than their parts' presence and length.
 *
 * @param lines street, building, apartment: 1 to 3 lines
 * @param postalCode the postal code, where the country has them
 * @param city the city or locality
 * @param region state, province or wilaya, where addresses name one
 * @param country ISO 3166-1 alpha-2 code
 */
public record PostalAddress(List<String> lines, @Nullable String postalCode, String city, @Nullable String region,
		String country) {

	public PostalAddress {
		lines = lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
		if (lines.isEmpty() || lines.size() > 3 || lines.stream().anyMatch(line -> line.length() > 200)) {
			throw new InvalidField("lines", "must be 1 to 3 lines of at most 200 characters");
		}
		if (city.isBlank()) {
			throw new InvalidField("city", "must not be blank");
		}
		if (!Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(country)) {
			throw new InvalidField("country", "must be an ISO 3166-1 alpha-2 country code such as FR");
		}
		city = city.strip();
		postalCode = postalCode == null || postalCode.isBlank() ? null : postalCode.strip();
		region = region == null || region.isBlank() ? null : region.strip();
	}

	@Override
	public String toString() {
		return "PostalAddress[redacted]";
	}

}
