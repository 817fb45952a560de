package care.parcours.partner.partners;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import care.parcours.partner.specialties.Specialties;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers partners and answers questions about them. */
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

	/** What a new partner is registered with. */
	public record NewPartner(String name, PartnerKind kind, String country, String city, ZoneId timeZone,
			List<String> specialties, List<String> languages) {

	}

	@Transactional
	public Partner register(NewPartner request) {
		specialties.requireKnown("specialties", request.specialties());
		Partner partner = Partner.register(UUID.randomUUID(), request.name(), request.kind(), request.country(),
				request.city(), request.timeZone(), request.specialties(), request.languages(), clock.instant());
		partners.add(partner);
		outbox.publish(partner.registered(), partner.id(), partner.version());
		return partner;
	}

	public Partner get(UUID id) {
		return partners.find(id).orElseThrow(() -> new PartnerNotFound(id));
	}

	public Page<Partner> list(PageQuery page) {
		return partners.list(page);
	}

	/** No partner has this id. */
	public static final class PartnerNotFound extends NotFoundException {

		PartnerNotFound(UUID id) {
			super("partner-not-found", "No partner has the id " + id + ".");
		}

	}

}
