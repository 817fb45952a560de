package care.parcours.billing.documents;

/** The words an invoice's PDF adds to a quote's, in one language. */
record InvoiceWording(String invoice, String deposit, String balance, String number, String issuedOn, String dueOn,
		String quote, String creditNote, String paid, String refunded, String balanceDue) {

	static InvoiceWording in(String language) {
		return switch (language) {
			case "fr" -> new InvoiceWording("Facture", "Facture d'acompte", "Facture de solde", "n°", "Émise le",
					"À régler avant le", "Devis", "Avoir", "Payé", "Remboursé", "Solde dû");
			case "nl" -> new InvoiceWording("Factuur", "Voorschotfactuur", "Slotfactuur", "nr.", "Uitgereikt op",
					"Te betalen vóór", "Offerte", "Creditnota", "Betaald", "Terugbetaald", "Openstaand saldo");
			default -> new InvoiceWording("Invoice", "Deposit invoice", "Balance invoice", "no.", "Issued on", "Due by",
					"Quote", "Credit note", "Paid", "Refunded", "Balance due");
		};
	}

}
