package care.parcours.partner.matching;

import java.util.List;
import java.util.UUID;

import care.parcours.partner.partners.PartnerKind;
import org.jspecify.annotations.Nullable;

/**
 * A partner that fits a search, with its rank score and the reasons it fits.
 *
 * @param partnerId the partner
 * @param name its name
 * @param kind its kind
 * @param country ISO 3166-1 alpha-2 code
 * @param city its city
 * @param distanceKm how far it is from the point searched near, when one was given and
 * the partner's coordinates are known
 * @param score higher ranks first: practitioners who practise the specialty and speak the
 * language weigh most, then what the partner lists, an accreditation, nearness
 * @param reasons one per criterion it satisfied
 */
public record Match(UUID partnerId, String name, PartnerKind kind, String country, String city,
		@Nullable Double distanceKm, double score, List<Reason> reasons) {

	public Match {
		reasons = List.copyOf(reasons);
	}

}
