package care.parcours.partner.practitioners;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import care.parcours.partner.partners.Partner;
import care.parcours.partner.partners.PartnerDirectory;
import care.parcours.partner.specialties.Specialties;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers practitioners with their partner and answers questions about them. */
@Service
class PractitionerRegistry {

	private final Practitioners practitioners;

	private final PartnerDirectory partners;

	private final Specialties specialties;

	private final Outbox outbox;

	private final Clock clock;

	PractitionerRegistry(Practitioners practitioners, PartnerDirectory partners, Specialties specialties, Outbox outbox,
			Clock clock) {
		this.practitioners = practitioners;
		this.partners = partners;
		this.specialties = specialties;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	Practitioner register(UUID partnerId, String name, List<String> specialtyCodes, List<String> languages) {
		Partner partner = partners.get(partnerId);
		specialties.requireKnown("specialties", specialtyCodes);
		Practitioner practitioner = Practitioner.register(UUID.randomUUID(), partner, name, specialtyCodes, languages,
				clock.instant());
		practitioners.add(practitioner);
		outbox.publish(practitioner.registered(), practitioner.id(), practitioner.version());
		return practitioner;
	}

	Practitioner get(UUID id) {
		return practitioners.find(id).orElseThrow(() -> new PractitionerNotFound(id));
	}

	Page<Practitioner> ofPartner(UUID partnerId, PageQuery page) {
		partners.get(partnerId);
		return practitioners.ofPartner(partnerId, page);
	}

	/** No practitioner has this id. */
	static final class PractitionerNotFound extends NotFoundException {

		PractitionerNotFound(UUID id) {
			super("practitioner-not-found", "No practitioner has the id " + id + ".");
		}

	}

}
