package care.parcours.partner.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import care.parcours.partner.matching.Reason.Criterion;
import care.parcours.partner.specialties.Specialties;
import care.parcours.partner.specialties.Specialty;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.stereotype.Service;

/** Finds the active partners that fit a search, best first, and says why each fits. */
@Service
class Matchmaker {

	private final ActivePartners partners;

	private final Specialties specialties;

	private final Clock clock;

	Matchmaker(ActivePartners partners, Specialties specialties, Clock clock) {
		this.partners = partners;
		this.specialties = specialties;
		this.clock = clock;
	}

	Page<Match> search(PartnerSearch search, PageQuery page) {
		PartnerSearch settled = validated(search);
		ActivePartners.Found found = partners.matching(settled, page);
		return Page.of(found.candidates().stream().map(candidate -> explain(settled, candidate)).toList(), page,
				found.total());
	}

	private PartnerSearch validated(PartnerSearch search) {
		if (search.specialty() != null) {
			specialties.requireKnown("specialty", search.specialty());
		}
		// The earliest zone is 12 hours behind UTC: a day before UTC's is still today
		// somewhere, so it is the first day that may be asked for.
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		if (search.accreditedOn() != null && search.accreditedOn().isBefore(today.minusDays(1))) {
			throw InvalidRequestException.ofField("accreditedOn",
					"is in the past: accreditations valid then may have expired since; ask for today or a later day");
		}
		if (search.withinKm() != null && search.near() == null) {
			throw InvalidRequestException.ofField("withinKm", "needs near, the point the distance is measured from");
		}
		return search.onDay(today);
	}

	private Match explain(PartnerSearch search, ActivePartners.Candidate candidate) {
		List<Reason> reasons = new ArrayList<>();
		String specialty = search.specialty();
		if (specialty != null) {
			String name = specialtyName(specialty);
			reasons.add(new Reason(Criterion.SPECIALTY,
					candidate.practising() > 0
							? count(candidate.practising(), "practitioner practises ", "practitioners practise ") + name
							: "lists " + name + " among its specialties"));
		}
		String language = search.language();
		if (language != null) {
			String name = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
			String who = specialty == null ? "practitioner" : "of them";
			reasons.add(new Reason(Criterion.LANGUAGE,
					candidate.speaking() > 0
							? count(candidate.speaking(), who + " speaks ",
									(specialty == null ? "practitioners" : who) + " speak ") + name
							: "its staff speak " + name));
		}
		if (search.country() != null || search.city() != null) {
			reasons.add(new Reason(Criterion.LOCATION, "in " + candidate.city() + ", " + candidate.country()));
		}
		if (search.kind() != null) {
			reasons.add(new Reason(Criterion.KIND, "is a " + candidate.kind()));
		}
		if (candidate.accreditationIssuer() != null) {
			reasons.add(new Reason(Criterion.ACCREDITATION,
					candidate.accreditationIssuer() + " " + candidate.accreditationLevel() + ", valid until "
							+ candidate.accreditationExpiresOn() + " (asked for " + search.accreditedOn() + ")"));
		}
		if (search.near() != null && candidate.distanceKm() != null) {
			reasons.add(new Reason(Criterion.DISTANCE, String.format(Locale.ROOT, "%.1f km from %.4f,%.4f",
					candidate.distanceKm(), search.near().latitude(), search.near().longitude())));
		}
		Double distance = candidate.distanceKm() == null ? null : Math.round(candidate.distanceKm() * 10) / 10.0;
		return new Match(candidate.id(), candidate.name(), candidate.kind(), candidate.country(), candidate.city(),
				distance, Math.round(candidate.score() * 10) / 10.0, reasons);
	}

	private String specialtyName(String code) {
		return specialties.all()
			.stream()
			.filter(s -> s.code().equals(code))
			.map(Specialty::nameEn)
			.findFirst()
			.orElse(code)
			.toLowerCase(Locale.ENGLISH);
	}

	private static String count(int n, String one, String many) {
		return n + " " + (n == 1 ? one : many);
	}

}
