package care.parcours.partner.partners;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What can be edited about a partner: everything but its kind and time zone, which a
 * partner keeps from registration (practitioners' schedules are kept in that zone).
 * Duplicated codes are kept once, in the order given.
 *
 * @param name the organisation's name
 * @param address where the premises are
 * @param location the premises' coordinates, for matching by distance; unknown if null
 * @param specialties specialty codes of the vocabulary
 * @param languages ISO 639-1 codes of the languages spoken there
 * @param accreditations the accreditations held, expired ones included
 * @param contacts whom to reach there
 */
public record PartnerProfile(String name, Address address, @Nullable Coordinates location, List<String> specialties,
		List<String> languages, List<Accreditation> accreditations, List<Contact> contacts) {

	public PartnerProfile {
		name = name.strip();
		specialties = specialties.stream().distinct().toList();
		languages = languages.stream().distinct().toList();
		accreditations = List.copyOf(accreditations);
		contacts = List.copyOf(contacts);
	}

	/** A profile with nothing but what registration used to require. */
	public static PartnerProfile of(String name, String country, String city, List<String> specialties,
			List<String> languages) {
		return new PartnerProfile(name, new Address(null, null, city, country), null, specialties, languages, List.of(),
				List.of());
	}

}
