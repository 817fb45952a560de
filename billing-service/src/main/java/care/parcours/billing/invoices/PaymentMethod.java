package care.parcours.billing.invoices;

/** How money reached an invoice. */
public enum PaymentMethod {

	CARD, TRANSFER,
	/** An insurer paid (its share of) the invoice. */
	INSURER_SETTLEMENT

}
