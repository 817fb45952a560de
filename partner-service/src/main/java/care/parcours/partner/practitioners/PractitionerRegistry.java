package care.parcours.partner.practitioners;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import care.parcours.partner.partners.Partner;
import care.parcours.partner.partners.PartnerDirectory;
import care.parcours.partner.specialties.Specialties;
import care.parcours.platform.domain.ConflictException;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers practitioners with their partners, edits them and answers questions about
 * them. Each change is stored with its event in one transaction.
 */
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

	/** A register number as given by a client, not yet checked. */
	record GivenIdentifier(IdentifierType type, String value) {

	}

	/** What a practitioner is registered or revised with. */
	record Details(String name, List<String> specialties, List<String> languages, List<GivenIdentifier> identifiers) {

	}

	@Transactional
	Practitioner register(UUID partnerId, Details details) {
		Partner partner = partners.get(partnerId);
		UUID id = UUID.randomUUID();
		List<ProfessionalIdentifier> identifiers = checked(id, details);
		Practitioner practitioner = Practitioner.register(id, partner, details.name(), details.specialties(),
				details.languages(), identifiers, clock.instant());
		practitioners.add(practitioner);
		outbox.publish(practitioner.registered(), practitioner.id(), practitioner.version());
		return practitioner;
	}

	@Transactional
	Practitioner revise(UUID id, ExpectedVersion expected, Details details) {
		List<ProfessionalIdentifier> identifiers = checked(id, details);
		return change(id, expected, practitioner -> practitioner.revise(details.name(), details.specialties(),
				details.languages(), identifiers));
	}

	/** Adds a partner; joining one the practitioner works for already changes nothing. */
	@Transactional
	Practitioner join(UUID id, ExpectedVersion expected, UUID partnerId) {
		Partner partner = partners.get(partnerId);
		Practitioner current = get(id);
		expected.requireCurrent("Practitioner " + id, current.version());
		return current.worksFor(partnerId) ? current : change(id, expected, p -> p.join(partner));
	}

	@Transactional
	Practitioner leave(UUID id, ExpectedVersion expected, UUID partnerId) {
		return change(id, expected, practitioner -> practitioner.leave(partnerId));
	}

	Practitioner get(UUID id) {
		return practitioners.find(id).orElseThrow(() -> new PractitionerNotFound(id));
	}

	Page<Practitioner> ofPartner(UUID partnerId, PageQuery page) {
		partners.get(partnerId);
		return practitioners.ofPartner(partnerId, page);
	}

	private Practitioner change(UUID id, ExpectedVersion expected, Function<Practitioner, Practitioner.Change> edit) {
		Practitioner current = get(id);
		expected.requireCurrent("Practitioner " + id, current.version());
		Practitioner.Change change = edit.apply(current);
		practitioners.update(change.practitioner(), clock.instant());
		outbox.publish(change.event(), id, change.practitioner().version());
		return change.practitioner();
	}

	/**
	 * Checks the codes and register numbers of a request, naming the first offending
	 * field, and that no other practitioner holds those numbers.
	 */
	private List<ProfessionalIdentifier> checked(UUID practitionerId, Details details) {
		specialties.requireKnown("specialties", details.specialties());
		List<ProfessionalIdentifier> identifiers = new ArrayList<>();
		Set<IdentifierType> seen = EnumSet.noneOf(IdentifierType.class);
		for (int i = 0; i < details.identifiers().size(); i++) {
			GivenIdentifier given = details.identifiers().get(i);
			if (!seen.add(given.type())) {
				throw InvalidRequestException.ofField("identifiers[" + i + "].type",
						"a practitioner has one " + given.type() + " number at most");
			}
			try {
				identifiers.add(new ProfessionalIdentifier(given.type(), given.value()));
			}
			catch (IllegalArgumentException ex) {
				throw InvalidRequestException.ofField("identifiers[" + i + "].value", String.valueOf(ex.getMessage()));
			}
		}
		for (ProfessionalIdentifier identifier : identifiers) {
			practitioners.holderOf(identifier).filter(holder -> !holder.equals(practitionerId)).ifPresent(holder -> {
				throw new IdentifierTaken(identifier, holder);
			});
		}
		return identifiers;
	}

	/** No practitioner has this id. */
	static final class PractitionerNotFound extends NotFoundException {

		PractitionerNotFound(UUID id) {
			super("practitioner-not-found", "No practitioner has the id " + id + ".");
		}

	}

	/** A register number belongs to one practitioner. */
	static final class IdentifierTaken extends ConflictException {

		IdentifierTaken(ProfessionalIdentifier identifier, UUID holder) {
			super("practitioner-identifier-taken",
					"This " + identifier.type() + " number is registered for another practitioner already.",
					Map.of("practitionerId", holder));
		}

	}

}
