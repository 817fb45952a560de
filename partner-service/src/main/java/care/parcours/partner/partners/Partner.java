package care.parcours.partner.partners;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import care.parcours.events.partner.PartnerRegistered;

/**
 * A partner of the network as it stands at {@code version}.
 *
 * @param id the partner's id
 * @param name the organisation's name
 * @param kind hospital, clinic, care centre or a kind of service provider
 * @param country ISO 3166-1 alpha-2 code
 * @param city the city of the premises
 * @param timeZone the zone the premises keep time in
 * @param specialties specialty codes of the vocabulary
 * @param languages ISO 639-1 codes of the languages spoken there
 * @param version incremented by every change
 * @param registeredAt when the partner joined
 */
public record Partner(UUID id, String name, PartnerKind kind, String country, String city, ZoneId timeZone,
		List<String> specialties, List<String> languages, long version, Instant registeredAt) {

	public Partner {
		Objects.requireNonNull(id, "id");
		specialties = List.copyOf(specialties);
		languages = List.copyOf(languages);
	}

	/**
	 * A new partner, at version 0. Duplicated codes are kept once, in the order given.
	 */
	public static Partner register(UUID id, String name, PartnerKind kind, String country, String city, ZoneId timeZone,
			List<String> specialties, List<String> languages, Instant now) {
		return new Partner(id, name.strip(), kind, country, city.strip(), timeZone,
				specialties.stream().distinct().toList(), languages.stream().distinct().toList(), 0, now);
	}

	/** The event announcing this partner; its name stays here. */
	public PartnerRegistered registered() {
		return new PartnerRegistered(id, kind.name(), country, city, timeZone.getId(), specialties, languages);
	}

}
