package care.parcours.billing.invoices;

/** Why a credit note corrects an invoice. */
public enum CreditReason {

	BILLING_ERROR, ACT_NOT_PERFORMED, COMMERCIAL_GESTURE, CANCELLED_CARE

}
