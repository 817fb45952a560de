package care.parcours.billing.catalogue;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whose code names an item: a national nomenclature of medical acts, a partner's own
 * code, or Parcours' code for a service.
 */
public enum Nomenclature {

	/**
	 * Classification commune des actes médicaux (France): four letters and three digits,
	 * such as {@code NEKA020}.
	 */
	CCAM("^[A-Z]{4}[0-9]{3}$", "four capital letters and three digits, such as NEKA020"),

	/** The INAMI/RIZIV nomenclature (Belgium): six digits, such as {@code 289073}. */
	INAMI("^[0-9]{6}$", "six digits, such as 289073"),

	/** A partner's own code: letters, digits, dot, dash or underscore. */
	PARTNER("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$", "1 to 32 letters, digits, dots, dashes or underscores"),

	/** Parcours' code for a service, such as {@code HOTEL-NIGHT}. */
	PARCOURS("^[A-Z][A-Z0-9-]{1,31}$", "2 to 32 capital letters, digits or dashes, such as HOTEL-NIGHT");

	private final Pattern format;

	private final String described;

	Nomenclature(String format, String described) {
		this.format = Pattern.compile(format);
		this.described = described;
	}

	/** Why a code is not one of this nomenclature, if it is not. */
	public Optional<String> refusal(String code) {
		return format.matcher(code).matches() ? Optional.empty()
				: Optional.of("is not a " + name() + " code: " + described);
	}

	/**
	 * Whether items of a kind may be named in this nomenclature: acts only nationally.
	 */
	public boolean names(ItemKind kind) {
		return kind == ItemKind.MEDICAL_ACT || this == PARTNER || this == PARCOURS;
	}

}
