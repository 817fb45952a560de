package care.parcours.partner.practitioners;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import care.parcours.events.partner.PartnerEvent;
import care.parcours.events.partner.PractitionerJoinedPartner;
import care.parcours.events.partner.PractitionerLeftPartner;
import care.parcours.events.partner.PractitionerRegistered;
import care.parcours.events.partner.PractitionerUpdated;
import care.parcours.partner.partners.Partner;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;

/**
 * A practitioner working for one or more partners, as it stands at {@code version}.
 *
 * @param id the practitioner's id
 * @param name the practitioner's name as shown to coordinators
 * @param partnerIds the partners the practitioner works for, in the order joined
 * @param specialties specialty codes of the vocabulary
 * @param languages ISO 639-1 codes of the languages the practitioner speaks
 * @param identifiers numbers in national registers, one per register at most
 * @param timeZone the zone of the first partner joined, where the schedule is kept
 * @param version incremented by every change
 * @param registeredAt when the practitioner was registered
 */
public record Practitioner(UUID id, String name, List<UUID> partnerIds, List<String> specialties,
		List<String> languages, List<ProfessionalIdentifier> identifiers, String timeZone, long version,
		Instant registeredAt) {

	public Practitioner {
		if (partnerIds.isEmpty()) {
			throw new IllegalArgumentException("a practitioner works for at least one partner");
		}
		name = name.strip();
		partnerIds = List.copyOf(partnerIds);
		specialties = specialties.stream().distinct().toList();
		languages = languages.stream().distinct().toList();
		identifiers = List.copyOf(identifiers);
	}

	/** A change of a practitioner: the next version and the event announcing it. */
	public record Change(Practitioner practitioner, PartnerEvent event) {

	}

	/**
	 * A practitioner joining a partner that provides care.
	 * @throws PartnerProvidesNoCare when the partner is a service provider, such as a
	 * hotel
	 */
	public static Practitioner register(UUID id, Partner partner, String name, List<String> specialties,
			List<String> languages, List<ProfessionalIdentifier> identifiers, Instant now) {
		requireCare(partner);
		return new Practitioner(id, name, List.of(partner.id()), specialties, languages, identifiers,
				partner.timeZone().getId(), 0, now);
	}

	/**
	 * The partner the practitioner was registered with, or joined first of those left.
	 */
	public UUID partnerId() {
		return partnerIds.getFirst();
	}

	public boolean worksFor(UUID partnerId) {
		return partnerIds.contains(partnerId);
	}

	/** The event announcing this practitioner; the name and identifiers stay here. */
	public PractitionerRegistered registered() {
		return new PractitionerRegistered(id, partnerId(), timeZone, specialties, languages);
	}

	public Change revise(String newName, List<String> newSpecialties, List<String> newLanguages,
			List<ProfessionalIdentifier> newIdentifiers) {
		Practitioner next = new Practitioner(id, newName, partnerIds, newSpecialties, newLanguages, newIdentifiers,
				timeZone, version + 1, registeredAt);
		return new Change(next,
				new PractitionerUpdated(id, partnerIds, timeZone, next.specialties(), next.languages()));
	}

	/**
	 * Starts working for one more partner.
	 * @throws PartnerProvidesNoCare when the partner is a service provider
	 * @throws AlreadyWorksThere when the practitioner works there already
	 */
	public Change join(Partner partner) {
		requireCare(partner);
		if (worksFor(partner.id())) {
			throw new AlreadyWorksThere(this, partner.id());
		}
		List<UUID> joined = new ArrayList<>(partnerIds);
		joined.add(partner.id());
		return new Change(withPartners(joined), new PractitionerJoinedPartner(id, partner.id()));
	}

	/**
	 * Stops working for a partner.
	 * @throws NotWorkingThere when the practitioner does not work there
	 * @throws LastPartner when it is the only partner left
	 */
	public Change leave(UUID partnerId) {
		if (!worksFor(partnerId)) {
			throw new NotWorkingThere(this, partnerId);
		}
		if (partnerIds.size() == 1) {
			throw new LastPartner(this);
		}
		List<UUID> remaining = partnerIds.stream().filter(p -> !p.equals(partnerId)).toList();
		return new Change(withPartners(remaining), new PractitionerLeftPartner(id, partnerId));
	}

	private Practitioner withPartners(List<UUID> partners) {
		return new Practitioner(id, name, partners, specialties, languages, identifiers, timeZone, version + 1,
				registeredAt);
	}

	private static void requireCare(Partner partner) {
		if (!partner.kind().providesCare()) {
			throw new PartnerProvidesNoCare(partner);
		}
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

	public static final class AlreadyWorksThere extends ConflictException {

		AlreadyWorksThere(Practitioner practitioner, UUID partnerId) {
			super("practitioner-already-works-there",
					"Practitioner " + practitioner.id() + " works for partner " + partnerId + " already.");
		}

	}

	public static final class NotWorkingThere extends NotFoundException {

		NotWorkingThere(Practitioner practitioner, UUID partnerId) {
			super("affiliation-not-found",
					"Practitioner " + practitioner.id() + " does not work for partner " + partnerId + ".");
		}

	}

	/**
	 * A practitioner always works somewhere: the schedule and the events need a partner.
	 */
	public static final class LastPartner extends RuleViolationException {

		LastPartner(Practitioner practitioner) {
			super("practitioner-needs-a-partner", "Partner " + practitioner.partnerId()
					+ " is the only one practitioner " + practitioner.id() + " works for; it cannot be left.");
		}

	}

}
