package care.parcours.billing.catalogue;

/**
 * What an item is, which decides its VAT: care (medical acts and the nights of a hospital
 * stay) is exempt (French CGI art. 261-4-1°, Belgian VAT code art. 44 §2-1°); hotel,
 * travel, interpreters, companion services and fees are taxed.
 */
public enum ItemKind {

	MEDICAL_ACT(true), STAY_NIGHT(true), FEE(false), TRAVEL(false), HOTEL(false), INTERPRETER(false),
	COMPANION_SERVICE(false);

	private final boolean vatExempt;

	ItemKind(boolean vatExempt) {
		this.vatExempt = vatExempt;
	}

	public boolean vatExempt() {
		return vatExempt;
	}

}
