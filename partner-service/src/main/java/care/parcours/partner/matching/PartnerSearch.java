package care.parcours.partner.matching;

import java.time.LocalDate;

import care.parcours.partner.partners.Coordinates;
import care.parcours.partner.partners.PartnerKind;
import org.jspecify.annotations.Nullable;

/**
 * What a coordinator looks for; every criterion is optional and they all apply together.
 *
 * @param specialty a specialty code the partner lists or its practitioners practise
 * @param language an ISO 639-1 code its practitioners (or, for providers, its staff)
 * speak
 * @param country ISO 3166-1 alpha-2 code of the premises
 * @param city the premises' city, in any case
 * @param kind the kind of partner
 * @param accreditedOn a day on which the partner must hold a valid accreditation
 * @param accreditedBy the issuer of that accreditation, such as {@code HAS}
 * @param near a point to rank by distance from, such as an airport
 * @param withinKm how far from {@code near} a partner may be
 */
public record PartnerSearch(@Nullable String specialty, @Nullable String language, @Nullable String country,
		@Nullable String city, @Nullable PartnerKind kind, @Nullable LocalDate accreditedOn,
		@Nullable String accreditedBy, @Nullable Coordinates near, @Nullable Double withinKm) {

	/** Whether the partner must hold an accreditation. */
	public boolean filtersOnAccreditation() {
		return accreditedOn != null || accreditedBy != null;
	}

	/**
	 * The query with the accreditation day settled: today when only an issuer is asked
	 * for.
	 */
	PartnerSearch onDay(LocalDate today) {
		if (accreditedBy == null || accreditedOn != null) {
			return this;
		}
		return new PartnerSearch(specialty, language, country, city, kind, today, accreditedBy, near, withinKm);
	}

}
