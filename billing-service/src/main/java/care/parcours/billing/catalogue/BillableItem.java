package care.parcours.billing.catalogue;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something that can be billed, named by a code of a nomenclature.
 *
 * @param id the item
 * @param kind what it is, which decides its VAT
 * @param nomenclature whose code names it
 * @param code the code, in the nomenclature's format
 * @param ownerId the partner whose own code it is (the {@code PARTNER} nomenclature only)
 * @param labels its name in French, English and Dutch
 * @param sample whether it comes from the sample catalogue
 * @param createdAt when it was added
 */
public record BillableItem(UUID id, ItemKind kind, Nomenclature nomenclature, String code, @Nullable UUID ownerId,
		Labels labels, boolean sample, Instant createdAt) {

	/**
	 * A new item, checked by {@link #refusal}.
	 * @throws care.parcours.platform.domain.InvalidRequestException naming the field
	 */
	public static BillableItem define(UUID id, ItemKind kind, Nomenclature nomenclature, String code,
			@Nullable UUID ownerId, Labels labels, boolean sample, Instant now) {
		refusal(kind, nomenclature, code, ownerId).ifPresent(refusal -> {
			throw refusal.asProblem("");
		});
		return new BillableItem(id, kind, nomenclature, code, ownerId, labels, sample, now);
	}

	/**
	 * Why an item cannot be defined, if it cannot: a code out of its nomenclature's
	 * format, a national nomenclature for something other than a medical act, a partner's
	 * code without its partner (or an owner for another nomenclature).
	 */
	public static Optional<Refusal> refusal(ItemKind kind, Nomenclature nomenclature, String code,
			@Nullable UUID ownerId) {
		Optional<String> badCode = nomenclature.refusal(code);
		if (badCode.isPresent()) {
			return Optional.of(new Refusal("code", badCode.get()));
		}
		if (!nomenclature.names(kind)) {
			return Optional.of(new Refusal("nomenclature", nomenclature + " names medical acts only, not " + kind));
		}
		if ((nomenclature == Nomenclature.PARTNER) != (ownerId != null)) {
			return Optional
				.of(new Refusal("ownerId", "names the partner whose own code it is, for PARTNER codes only"));
		}
		return Optional.empty();
	}

	/** The item as a line names it: {@code CCAM NEKA020}. */
	public String reference() {
		return nomenclature + " " + code;
	}

}
