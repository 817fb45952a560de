package care.parcours.billing.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.domain.RuleViolationException;
import care.parcours.platform.money.Money;
import care.parcours.platform.problem.ConstraintProblems;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds items and tariffs, one at a time or a partner's whole price list at once, and says
 * what an item costs at a partner on a day.
 */
@Service
public class CatalogueService {

	private final Catalogue catalogue;

	private final Clock clock;

	CatalogueService(Catalogue catalogue, Clock clock) {
		this.catalogue = catalogue;
		this.clock = clock;
	}

	/** A new item; a code already in the catalogue is a 409. */
	@Transactional
	BillableItem define(ItemKind kind, Nomenclature nomenclature, String code, @Nullable UUID ownerId, Labels labels) {
		BillableItem item = BillableItem.define(UUID.randomUUID(), kind, nomenclature, code, ownerId, labels, false,
				clock.instant());
		catalogue.add(item);
		return item;
	}

	/** A new tariff; one overlapping another of the same item and partner is a 409. */
	@Transactional
	Tariff price(UUID itemId, UUID partnerId, Money unitPrice, VatRate vatRate, LocalDate validFrom,
			@Nullable LocalDate validUntil) {
		Tariff tariff = Tariff.of(UUID.randomUUID(), item(itemId), partnerId, unitPrice, vatRate, validFrom, validUntil,
				false, clock.instant());
		ConstraintProblems.attempting(tariff);
		catalogue.add(tariff);
		return tariff;
	}

	/**
	 * Imports a partner's price list in one transaction, all of it or, when any row
	 * cannot be imported, none of it.
	 * @throws PriceListReport.Rejected naming each rejected row, its field and why
	 */
	@Transactional
	public PriceListReport importPriceList(UUID partnerId, List<PriceListRow> rows, boolean sample) {
		Instant now = clock.instant();
		List<PriceListReport.RejectedRow> rejected = new ArrayList<>();
		Map<String, BillableItem> items = new HashMap<>();
		Map<UUID, List<Tariff>> tariffs = new HashMap<>();
		List<BillableItem> newItems = new ArrayList<>();
		List<Tariff> newTariffs = new ArrayList<>();
		int unchanged = 0;
		for (PriceListRow row : rows) {
			row.refusals()
				.forEach(refusal -> rejected
					.add(new PriceListReport.RejectedRow(row.line(), refusal.field(), refusal.reason())));
			PriceListRow.Price price = row.price();
			if (price == null) {
				continue;
			}
			UUID owner = price.nomenclature() == Nomenclature.PARTNER ? partnerId : null;
			String key = price.nomenclature() + " " + price.code();
			BillableItem item = items.computeIfAbsent(key,
					k -> catalogue.item(price.nomenclature(), price.code(), owner).orElseGet(() -> {
						BillableItem added = new BillableItem(UUID.randomUUID(), price.kind(), price.nomenclature(),
								price.code(), owner, price.labels(), sample, now);
						newItems.add(added);
						return added;
					}));
			if (item.kind() != price.kind()) {
				rejected.add(new PriceListReport.RejectedRow(row.line(), "kind",
						key + " names a " + item.kind() + " item in the catalogue, not a " + price.kind()));
				continue;
			}
			Tariff tariff = new Tariff(UUID.randomUUID(), item.id(), partnerId, price.unitPrice(), price.vatRate(),
					price.validFrom(), price.validUntil(), sample, now);
			List<Tariff> known = tariffs.computeIfAbsent(item.id(),
					id -> new ArrayList<>(catalogue.tariffs(id, partnerId)));
			if (known.stream().anyMatch(tariff::sameTermsAs)) {
				unchanged++;
				continue;
			}
			Optional<Tariff> overlapping = known.stream()
				.filter(other -> other.overlaps(tariff.validFrom(), tariff.validUntil()))
				.findFirst();
			if (overlapping.isPresent()) {
				rejected.add(new PriceListReport.RejectedRow(row.line(), "valid_from",
						"overlaps the tariff of " + key + " valid " + validity(overlapping.get())));
				continue;
			}
			known.add(tariff);
			newTariffs.add(tariff);
		}
		if (!rejected.isEmpty()) {
			throw new PriceListReport.Rejected(rows.size(), rejected);
		}
		// Every new item came with its first tariff: nothing is written unless all rows
		// can be.
		newItems.forEach(catalogue::add);
		newTariffs.forEach(catalogue::add);
		return new PriceListReport(rows.size(), newItems.size(), newTariffs.size(), unchanged);
	}

	public BillableItem item(UUID id) {
		return catalogue.item(id).orElseThrow(() -> new ItemNotFound(id));
	}

	Page<BillableItem> items(@Nullable ItemKind kind, @Nullable Nomenclature nomenclature, @Nullable String code,
			PageQuery page) {
		return catalogue.items(kind, nomenclature, code, page);
	}

	Tariff tariff(UUID id) {
		return catalogue.tariff(id)
			.orElseThrow(() -> new NotFoundException("tariff-not-found", "No tariff has the id " + id + "."));
	}

	Page<Tariff> tariffs(@Nullable UUID partnerId, @Nullable UUID itemId, @Nullable LocalDate on, PageQuery page) {
		return catalogue.tariffs(partnerId, itemId, on, page);
	}

	/**
	 * The partner's tariff of an item on a day.
	 * @throws NoTariff when the partner has none for that day
	 */
	public Tariff tariffOn(BillableItem item, UUID partnerId, LocalDate day) {
		return catalogue.tariffOn(item.id(), partnerId, day).orElseThrow(() -> new NoTariff(item, partnerId, day));
	}

	private static String validity(Tariff tariff) {
		return "from " + tariff.validFrom()
				+ (tariff.validUntil() == null ? " until further notice" : " to " + tariff.validUntil());
	}

	/** No item has the id. */
	public static final class ItemNotFound extends NotFoundException {

		ItemNotFound(UUID id) {
			super("item-not-found", "No billable item has the id " + id + ".");
		}

	}

	/** A line without a price of its own needs the partner's tariff. */
	public static final class NoTariff extends RuleViolationException {

		NoTariff(BillableItem item, UUID partnerId, LocalDate day) {
			super("no-tariff", "Partner " + partnerId + " has no tariff for " + item.reference() + " on " + day
					+ ": give the line's unitPrice or record a tariff.");
		}

	}

}
