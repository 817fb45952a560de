package care.parcours.patient.indicators;

import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import care.parcours.platform.domain.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The languages a report's labels are written in: the network works in French and Dutch,
 * partners abroad read English. {@code ?lang=} wins over {@code Accept-Language}; a
 * language the header asks for that we lack falls to the next it names, then English.
 */
enum ReportLanguage {

	FR(Map.ofEntries(Map.entry("partner", "Partenaire"), Map.entry("month", "Mois"),
			Map.entry("indicator", "Indicateur"), Map.entry("label", "Libellé"), Map.entry("currency", "Devise"),
			Map.entry("value", "Valeur"), Map.entry("firstQuote.pathways", "Parcours ayant reçu un premier devis"),
			Map.entry("firstQuote.medianHours", "Délai médian ouverture → premier devis (heures)"),
			Map.entry("firstQuote.averageHours", "Délai moyen ouverture → premier devis (heures)"),
			Map.entry("quotes.sent", "Devis envoyés"), Map.entry("quotes.accepted", "Devis acceptés"),
			Map.entry("quotes.acceptanceRate", "Taux d'acceptation des devis"),
			Map.entry("firstAppointment.pathways", "Parcours ayant un premier rendez-vous"),
			Map.entry("firstAppointment.medianHours", "Délai médian ouverture → premier rendez-vous (heures)"),
			Map.entry("firstAppointment.averageHours", "Délai moyen ouverture → premier rendez-vous (heures)"),
			Map.entry("appointments.completed", "Rendez-vous honorés"),
			Map.entry("appointments.noShows", "Rendez-vous non honorés"),
			Map.entry("appointments.noShowRate", "Taux de rendez-vous non honorés"),
			Map.entry("appointments.cancelled", "Rendez-vous annulés"),
			Map.entry("appointments.rescheduled", "Rendez-vous déplacés"), Map.entry("money.invoiced", "Facturé"),
			Map.entry("money.credited", "Avoirs"), Map.entry("money.revenue", "Chiffre d'affaires"),
			Map.entry("money.paid", "Encaissé"), Map.entry("money.refunded", "Remboursé"),
			Map.entry("money.collected", "Encaissement net"),
			Map.entry("money.outstanding", "Solde restant dû en fin de mois"))),

	EN(Map.ofEntries(Map.entry("partner", "Partner"), Map.entry("month", "Month"), Map.entry("indicator", "Indicator"),
			Map.entry("label", "Label"), Map.entry("currency", "Currency"), Map.entry("value", "Value"),
			Map.entry("firstQuote.pathways", "Pathways with a first quote"),
			Map.entry("firstQuote.medianHours", "Median time from opening to first quote (hours)"),
			Map.entry("firstQuote.averageHours", "Average time from opening to first quote (hours)"),
			Map.entry("quotes.sent", "Quotes sent"), Map.entry("quotes.accepted", "Quotes accepted"),
			Map.entry("quotes.acceptanceRate", "Quote acceptance rate"),
			Map.entry("firstAppointment.pathways", "Pathways with a first appointment"),
			Map.entry("firstAppointment.medianHours", "Median time from opening to first appointment booked (hours)"),
			Map.entry("firstAppointment.averageHours", "Average time from opening to first appointment booked (hours)"),
			Map.entry("appointments.completed", "Appointments attended"), Map.entry("appointments.noShows", "No-shows"),
			Map.entry("appointments.noShowRate", "No-show rate"),
			Map.entry("appointments.cancelled", "Appointments cancelled"),
			Map.entry("appointments.rescheduled", "Appointments rescheduled"), Map.entry("money.invoiced", "Invoiced"),
			Map.entry("money.credited", "Credit notes"), Map.entry("money.revenue", "Revenue"),
			Map.entry("money.paid", "Payments received"), Map.entry("money.refunded", "Refunds"),
			Map.entry("money.collected", "Net collected"),
			Map.entry("money.outstanding", "Outstanding balance at month end"))),

	NL(Map.ofEntries(Map.entry("partner", "Partner"), Map.entry("month", "Maand"), Map.entry("indicator", "Indicator"),
			Map.entry("label", "Omschrijving"), Map.entry("currency", "Munt"), Map.entry("value", "Waarde"),
			Map.entry("firstQuote.pathways", "Trajecten met een eerste offerte"),
			Map.entry("firstQuote.medianHours", "Mediane tijd van opening tot eerste offerte (uren)"),
			Map.entry("firstQuote.averageHours", "Gemiddelde tijd van opening tot eerste offerte (uren)"),
			Map.entry("quotes.sent", "Verzonden offertes"), Map.entry("quotes.accepted", "Aanvaarde offertes"),
			Map.entry("quotes.acceptanceRate", "Aanvaardingsgraad van offertes"),
			Map.entry("firstAppointment.pathways", "Trajecten met een eerste afspraak"),
			Map.entry("firstAppointment.medianHours", "Mediane tijd van opening tot eerste afspraak (uren)"),
			Map.entry("firstAppointment.averageHours", "Gemiddelde tijd van opening tot eerste afspraak (uren)"),
			Map.entry("appointments.completed", "Nagekomen afspraken"),
			Map.entry("appointments.noShows", "Niet nagekomen afspraken"),
			Map.entry("appointments.noShowRate", "No-showgraad"),
			Map.entry("appointments.cancelled", "Geannuleerde afspraken"),
			Map.entry("appointments.rescheduled", "Verplaatste afspraken"), Map.entry("money.invoiced", "Gefactureerd"),
			Map.entry("money.credited", "Creditnota's"), Map.entry("money.revenue", "Omzet"),
			Map.entry("money.paid", "Ontvangen betalingen"), Map.entry("money.refunded", "Terugbetalingen"),
			Map.entry("money.collected", "Netto ontvangen"),
			Map.entry("money.outstanding", "Openstaand saldo op het einde van de maand")));

	private final Map<String, String> labels;

	ReportLanguage(Map<String, String> labels) {
		this.labels = labels;
	}

	Map<String, String> labels() {
		return labels;
	}

	String label(String key) {
		return labels.getOrDefault(key, key);
	}

	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

	static ReportLanguage of(@Nullable String lang, Enumeration<Locale> accepted) {
		if (lang != null) {
			for (ReportLanguage language : values()) {
				if (language.tag().equalsIgnoreCase(lang)) {
					return language;
				}
			}
			throw InvalidRequestException.naming("unsupported-language", "lang",
					"Reports are written in fr, en or nl, not " + InvalidRequestException.quote(lang) + ".");
		}
		while (accepted.hasMoreElements()) {
			String wanted = accepted.nextElement().getLanguage();
			for (ReportLanguage language : values()) {
				if (language.tag().equals(wanted)) {
					return language;
				}
			}
		}
		return EN;
	}

}
