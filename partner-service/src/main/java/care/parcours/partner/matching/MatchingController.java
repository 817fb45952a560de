package care.parcours.partner.matching;

import java.time.LocalDate;

import care.parcours.partner.partners.Coordinates;
import care.parcours.partner.partners.PartnerKind;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.validation.CountryCode;
import care.parcours.platform.validation.LanguageCode;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/partners/search?specialty=orthopaedics&language=ar&near=45.7256,5.0811&withinKm=50}.
 */
@Tag(name = "Partner search",
		description = "Finding the partners that provide a care: by specialty, language, place, accreditation and distance.")
@RestController
class MatchingController {

	private final Matchmaker matchmaker;

	MatchingController(Matchmaker matchmaker) {
		this.matchmaker = matchmaker;
	}

	@Operation(summary = "Search partners",
			description = "Active partners matching every filter given, nearest first when near is given, else by name.")
	@GetMapping("/api/partners/search")
	Page<Match> search(@RequestParam(required = false) @Nullable @Size(min = 1, max = 60) String specialty,
			@RequestParam(required = false) @Nullable @LanguageCode String language,
			@RequestParam(required = false) @Nullable @CountryCode String country,
			@RequestParam(required = false) @Nullable @Size(min = 1, max = 120) String city,
			@RequestParam(required = false) @Nullable PartnerKind kind,
			@RequestParam(required = false) @Nullable LocalDate accreditedOn,
			@RequestParam(required = false) @Nullable @Size(min = 1, max = 80) String accreditedBy,
			@RequestParam(required = false) @Nullable String near,
			@RequestParam(required = false) @Nullable @DecimalMin("0.1") @DecimalMax("20000") Double withinKm,
			PageQuery page) {
		return matchmaker.search(new PartnerSearch(specialty, language, country, city, kind, accreditedOn, accreditedBy,
				near == null ? null : point(near), withinKm), page);
	}

	/** Reads {@code latitude,longitude} in degrees. */
	private static Coordinates point(String near) {
		String[] parts = near.split(",");
		try {
			if (parts.length == 2) {
				return new Coordinates(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
			}
		}
		catch (IllegalArgumentException ex) {
			// Reported below, like a missing part.
		}
		throw InvalidRequestException.ofField("near",
				"must be latitude,longitude in degrees, such as 45.7256,5.0811 (Lyon-Saint-Exupéry)");
	}

}
