package care.parcours.partner.practitioners;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.partner.partners.Partner;
import care.parcours.platform.domain.RuleViolationException;

/**
 * A practitioner working for a partner.
 *
 * @param id the practitioner's id
 * @param partnerId the partner the practitioner works for
 * @param name the practitioner's name as shown to coordinators
 * @param specialties specialty codes of the vocabulary
 * @param languages ISO 639-1 codes of the languages the practitioner speaks
 * @param timeZone the partner's zone, where the practitioner's schedule is kept
 * @param version incremented by every change
 * @param registeredAt when the practitioner was registered
 */
public record Practitioner(UUID id, UUID partnerId, String name, List<String> specialties, List<String> languages,
		String timeZone, long version, Instant registeredAt) {

	public Practitioner {
		specialties = List.copyOf(specialties);
		languages = List.copyOf(languages);
	}

	/**
	 * A practitioner joining a partner that provides care.
	 * @throws PartnerProvidesNoCare when the partner is a service provider, such as a
	 * hotel
	 */
	public static Practitioner register(UUID id, Partner partner, String name, List<String> specialties,
			List<String> languages, Instant now) {
		if (!partner.kind().providesCare()) {
			throw new PartnerProvidesNoCare(partner);
		}
		return new Practitioner(id, partner.id(), name.strip(), specialties.stream().distinct().toList(),
				languages.stream().distinct().toList(), partner.timeZone().getId(), 0, now);
	}

	/** The event announcing this practitioner; the name stays here. */
	public PractitionerRegistered registered() {
		return new PractitionerRegistered(id, partnerId, timeZone, specialties, languages);
	}

	/**
	 * Practitioners work at hospitals, clinics and care centres, not at service
	 * providers.
	 */
	public static final class PartnerProvidesNoCare extends RuleViolationException {

		PartnerProvidesNoCare(Partner partner) {
			super("partner-provides-no-care", "Partner " + partner.id() + " is a " + partner.kind()
					+ " provider; practitioners work at hospitals, clinics and care centres.");
		}

	}

}
