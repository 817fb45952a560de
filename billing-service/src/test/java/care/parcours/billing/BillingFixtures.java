package care.parcours.billing;

import java.time.Instant;
import java.util.UUID;

import care.parcours.billing.catalogue.BillableItem;
import care.parcours.billing.catalogue.ItemKind;
import care.parcours.billing.catalogue.Labels;
import care.parcours.billing.catalogue.Nomenclature;

/** Items the tests quote, built as the catalogue would hold them. */
public final class BillingFixtures {

	public static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

	private BillingFixtures() {
	}

	public static BillableItem hipReplacement() {
		return item(ItemKind.MEDICAL_ACT, Nomenclature.CCAM, "NEKA020", "Prothèse totale de hanche",
				"Total hip replacement", "Totale heupprothese");
	}

	public static BillableItem hotelNight() {
		return item(ItemKind.HOTEL, Nomenclature.PARCOURS, "HOTEL-NIGHT", "Nuit d'hôtel", "Hotel night", "Hotelnacht");
	}

	public static BillableItem interpreterHour() {
		return item(ItemKind.INTERPRETER, Nomenclature.PARCOURS, "INTERPRETER-HOUR", "Interprète, par heure",
				"Interpreter, per hour", "Tolk, per uur");
	}

	public static BillableItem item(ItemKind kind, Nomenclature nomenclature, String code, String fr, String en,
			String nl) {
		return BillableItem.define(UUID.randomUUID(), kind, nomenclature, code, null, new Labels(fr, en, nl), false,
				NOW);
	}

}
