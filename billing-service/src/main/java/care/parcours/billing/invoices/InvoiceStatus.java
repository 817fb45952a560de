package care.parcours.billing.invoices;

/**
 * Where an invoice stands, from its balance alone: {@link Invoice#status()} is the one
 * place that says it.
 */
public enum InvoiceStatus {

	/** Nothing paid nor credited yet. */
	ISSUED,
	/** Something paid or credited, something still due. */
	PARTIALLY_PAID,
	/** Nothing due, and money was kept on it. */
	PAID,
	/** Nothing due, and nothing kept: credit notes cancelled it. */
	CREDITED

}
