package care.parcours.billing.invoices;

/** What an invoice bills of its quote. */
public enum InvoiceKind {

	/** A share or an amount of the accepted quote, before travel. */
	DEPOSIT,
	/** After care: the lines performed, less the deposits invoiced. */
	BALANCE,
	/** The whole accepted quote in one invoice, when no deposit was asked. */
	FULL

}
