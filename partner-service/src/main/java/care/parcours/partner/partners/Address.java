package care.parcours.partner.partners;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a partner's premises are.
 *
 * @param street street and number, when known
 * @param postalCode the postal code, when known
 * @param city the city, as the partner writes it
 * @param country ISO 3166-1 alpha-2 code
 */
public record Address(@Nullable String street, @Nullable String postalCode, String city, String country) {

	public Address {
		Objects.requireNonNull(city, "city");
		Objects.requireNonNull(country, "country");
		street = blankToNull(street);
		postalCode = blankToNull(postalCode);
		city = city.strip();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
