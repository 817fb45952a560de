package care.parcours.partner.resources;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import care.parcours.partner.partners.Partner;
import care.parcours.partner.partners.PartnerDirectory;
import care.parcours.partner.specialties.Specialties;
import care.parcours.platform.domain.ExpectedVersion;
import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.outbox.Outbox;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers the resources partners offer, edits and retires them. Each change is stored
 * with its event in one transaction.
 */
@Service
class ResourceRegistry {

	private final Resources resources;

	private final PartnerDirectory partners;

	private final Specialties specialties;

	private final Outbox outbox;

	private final Clock clock;

	ResourceRegistry(Resources resources, PartnerDirectory partners, Specialties specialties, Outbox outbox,
			Clock clock) {
		this.resources = resources;
		this.partners = partners;
		this.specialties = specialties;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * What a resource is registered or revised with; its kind is fixed at registration.
	 */
	record Details(String label, List<String> specialties, List<String> languages) {

	}

	@Transactional
	Resource register(UUID partnerId, ResourceKind kind, Details details) {
		Partner partner = partners.get(partnerId);
		specialties.requireKnown("specialties", details.specialties());
		Resource resource = Resource.register(UUID.randomUUID(), partner, kind, details.label(), details.specialties(),
				details.languages(), clock.instant());
		resources.add(resource);
		outbox.publish(resource.registered(), resource.id(), resource.version());
		return resource;
	}

	@Transactional
	Resource revise(UUID id, ExpectedVersion expected, Details details) {
		specialties.requireKnown("specialties", details.specialties());
		return change(id, expected,
				resource -> resource.revise(details.label(), details.specialties(), details.languages()));
	}

	@Transactional
	Resource retire(UUID id, ExpectedVersion expected) {
		return change(id, expected, Resource::retire);
	}

	Resource get(UUID id) {
		return resources.find(id).orElseThrow(() -> new ResourceNotFound(id));
	}

	Page<Resource> offeredBy(UUID partnerId, @Nullable ResourceKind kind, PageQuery page) {
		partners.get(partnerId);
		return resources.offeredBy(partnerId, kind, page);
	}

	private Resource change(UUID id, ExpectedVersion expected, Function<Resource, Resource.Change> edit) {
		Resource current = get(id);
		expected.requireCurrent("Resource " + id, current.version());
		Resource.Change change = edit.apply(current);
		resources.update(change.resource());
		outbox.publish(change.event(), id, change.resource().version());
		return change.resource();
	}

	/** No resource has this id. */
	static final class ResourceNotFound extends NotFoundException {

		ResourceNotFound(UUID id) {
			super("resource-not-found", "No resource has the id " + id + ".");
		}

	}

}
