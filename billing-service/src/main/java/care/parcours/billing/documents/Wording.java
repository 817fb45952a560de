package care.parcours.billing.documents;

import java.util.Locale;

/**
 * The words of a quote's PDF in one language, and the locale its amounts and dates are
 * written in (Belgian Dutch: the network speaks it).
 */
record Wording(Locale locale, String title, String version, String validUntil, String patient, String pathway,
		String step, String amountsIn, String code, String label, String quantity, String unitPrice, String vat,
		String total, String insurers, String patientShare, String net, String vatTotal, String grandTotal,
		String coveredBy, String leftToPay, String authorisation, String indicative, String noRate, String status,
		String sample) {

	static Wording in(String language) {
		return switch (language) {
			case "fr" -> new Wording(Locale.FRANCE, "Devis", "Version", "Valable jusqu'au", "Patient",
					"Parcours de soins", "Étape", "Montants en", "Code", "Désignation", "Qté", "P.U. HT", "TVA %",
					"Total TTC", "Assureurs", "Patient", "Total HT", "TVA", "Total TTC",
					"Pris en charge par les assureurs", "Reste à la charge du patient", "accord préalable requis",
					"Montant indicatif en %s : %s, au taux de %s enregistré pour le %s",
					"Aucun taux de change vers %s n'est enregistré : pas de montant indicatif.", "Statut",
					"Données d'exemple");
			case "nl" -> new Wording(Locale.of("nl", "BE"), "Offerte", "Versie", "Geldig tot", "Patiënt", "Zorgtraject",
					"Stap", "Bedragen in", "Code", "Omschrijving", "Aantal", "Eenheidsprijs", "Btw %",
					"Totaal incl. btw", "Verzekeraars", "Patiënt", "Totaal excl. btw", "Btw", "Totaal incl. btw",
					"Ten laste van de verzekeraars", "Ten laste van de patiënt", "voorafgaand akkoord vereist",
					"Indicatief bedrag in %s: %s, tegen de koers van %s geregistreerd voor %s",
					"Geen wisselkoers naar %s geregistreerd: geen indicatief bedrag.", "Status", "Voorbeeldgegevens");
			default -> new Wording(Locale.UK, "Quote", "Version", "Valid until", "Patient", "Care pathway", "Step",
					"Amounts in", "Code", "Description", "Qty", "Unit price", "VAT %", "Total incl. VAT", "Insurers",
					"Patient", "Net total", "VAT", "Total incl. VAT", "Covered by insurers",
					"Left for the patient to pay", "prior authorisation required",
					"Indicative amount in %s: %s, at the rate of %s recorded for %s",
					"No exchange rate to %s is recorded: no indicative amount.", "Status", "Sample data");
		};
	}

}
