package care.parcours.partner.partners;

import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;

import care.parcours.partner.specialties.Specialties;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers partners, edits them and answers questions about them. Each change is stored
 * with its event in one transaction.
 */
@Service
public class PartnerDirectory {

	private final Partners partners;

	private final Specialties specialties;

	private final Outbox outbox;

	private final Clock clock;

	PartnerDirectory(Partners partners, Specialties specialties, Outbox outbox, Clock clock) {
		this.partners = partners;
		this.specialties = specialties;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Transactional
	public Partner register(PartnerKind kind, ZoneId timeZone, PartnerProfile profile) {
		specialties.requireKnown("specialties", profile.specialties());
		Partner partner = Partner.register(UUID.randomUUID(), kind, timeZone, profile, clock.instant());
		partners.add(partner);
		outbox.publish(partner.registered(), partner.id(), partner.version());
		return partner;
	}

	/**
	 * Replaces the editable profile of the partner, if the client edited the current one.
	 */
	@Transactional
	public Partner revise(UUID id, ExpectedVersion expected, PartnerProfile profile) {
		specialties.requireKnown("specialties", profile.specialties());
		return change(id, expected, partner -> partner.revise(profile));
	}

	@Transactional
	public Partner moveTo(UUID id, ExpectedVersion expected, OnboardingStatus status) {
		return change(id, expected, partner -> partner.moveTo(status));
	}

	public Partner get(UUID id) {
		return partners.find(id).orElseThrow(() -> new PartnerNotFound(id));
	}

	public Page<Partner> list(PageQuery page) {
		return partners.list(page);
	}

	private Partner change(UUID id, ExpectedVersion expected, Function<Partner, Partner.Change> edit) {
		Partner current = get(id);
		expected.requireCurrent("Partner " + id, current.version());
		Partner.Change change = edit.apply(current);
		partners.update(change.partner());
		outbox.publish(change.event(), id, change.partner().version());
		return change.partner();
	}

	/** No partner has this id. */
	public static final class PartnerNotFound extends NotFoundException {

		public PartnerNotFound(UUID id) {
			super("partner-not-found", "No partner has the id " + id + ".");
		}

	}

}
