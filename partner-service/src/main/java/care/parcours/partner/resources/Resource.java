package care.parcours.partner.resources;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import care.parcours.events.partner.PartnerEvent;
import care.parcours.events.partner.ResourceRegistered;
import care.parcours.events.partner.ResourceRetired;
import care.parcours.events.partner.ResourceUpdated;
import care.parcours.partner.partners.Partner;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.RuleViolationException;

/**
 * A room, a piece of equipment or a member of a partner's staff that appointments need,
 * as it stands at {@code version}.
 *
 * @param id the resource's id
 * @param partnerId the partner that keeps the resource
 * @param kind what the resource is; it never changes
 * @param label how coordinators recognise it ("Bloc B, salle 3", an interpreter's name);
 * never published
 * @param specialties specialty codes the resource serves (an operating room's)
 * @param languages ISO 639-1 codes of the languages it speaks (an interpreter's)
 * @param timeZone the partner's zone, where the resource's schedule is kept
 * @param retired whether the partner no longer offers it
 * @param version incremented by every change
 * @param registeredAt when the resource was registered
 */
public record Resource(UUID id, UUID partnerId, ResourceKind kind, String label, List<String> specialties,
		List<String> languages, String timeZone, boolean retired, long version, Instant registeredAt) {

	public Resource {
		label = label.strip();
		specialties = specialties.stream().distinct().toList();
		languages = languages.stream().distinct().toList();
	}

	/** A change of a resource: the next version and the event announcing it. */
	public record Change(Resource resource, PartnerEvent event) {

	}

	/**
	 * A resource the partner starts offering.
	 * @throws KindNotKeptThere when partners of that kind do not keep such resources
	 */
	public static Resource register(UUID id, Partner partner, ResourceKind kind, String label, List<String> specialties,
			List<String> languages, Instant now) {
		if (!kind.keptBy(partner.kind())) {
			throw new KindNotKeptThere(partner, kind);
		}
		kind.requireAttributes(specialties, languages);
		return new Resource(id, partner.id(), kind, label, specialties, languages, partner.timeZone().getId(), false, 0,
				now);
	}

	/** The event announcing this resource; the label stays here. */
	public ResourceRegistered registered() {
		return new ResourceRegistered(id, partnerId, kind.name(), timeZone, specialties, languages);
	}

	/**
	 * New label and attributes.
	 * @throws Retired when the resource is retired
	 */
	public Change revise(String newLabel, List<String> newSpecialties, List<String> newLanguages) {
		requireOffered();
		kind.requireAttributes(newSpecialties, newLanguages);
		Resource next = new Resource(id, partnerId, kind, newLabel, newSpecialties, newLanguages, timeZone, false,
				version + 1, registeredAt);
		return new Change(next,
				new ResourceUpdated(id, partnerId, kind.name(), timeZone, next.specialties(), next.languages()));
	}

	/**
	 * The partner stops offering the resource.
	 * @throws Retired when it is retired already
	 */
	public Change retire() {
		requireOffered();
		return new Change(new Resource(id, partnerId, kind, label, specialties, languages, timeZone, true, version + 1,
				registeredAt), new ResourceRetired(id, partnerId));
	}

	private void requireOffered() {
		if (retired) {
			throw new Retired(this);
		}
	}

	/** Rooms and machines are kept by places of care, interpreters by agencies too. */
	public static final class KindNotKeptThere extends RuleViolationException {

		KindNotKeptThere(Partner partner, ResourceKind kind) {
			super("resource-kind-not-kept-there", "Partner " + partner.id() + " is a " + partner.kind()
					+ " provider; it keeps no resource of kind " + kind + ".");
		}

	}

	/** A retired resource stays readable but no longer changes. */
	public static final class Retired extends ConflictException {

		Retired(Resource resource) {
			super("resource-retired", "Resource " + resource.id() + " is retired.");
		}

	}

}
