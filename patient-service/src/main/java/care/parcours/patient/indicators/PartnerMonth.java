package care.parcours.patient.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One partner's figures for one month (README, Network indicators, for each formula).
 *
 * @param partnerId the partner
 * @param month the month, {@code yyyy-MM}, in UTC
 * @param firstQuote from a pathway's opening to its first quote sent, for the pathways
 * whose first quote this partner sent this month
 * @param quotes the partner's quotes first sent this month, and how many were accepted
 * @param firstAppointment from a pathway's opening to the booking of its first
 * appointment, for the pathways whose first appointment was booked with this partner this
 * month
 * @param appointments the outcomes, cancellations and moves of all the partner's
 * appointments this month, a pathway's or not
 * @param money per currency: billed, collected and still due at the end of the month
 */
record PartnerMonth(UUID partnerId, String month, Delay firstQuote, Quotes quotes, Delay firstAppointment,
		Appointments appointments, List<Amounts> money) {

	static final int RATE_SCALE = 4;

	/**
	 * Hours from a pathway's opening to its first quote or booking.
	 *
	 * @param pathways how many pathways the figures are of
	 * @param medianHours the middle value (the mean of the two middle ones for an even
	 * count), rounded to two decimals; absent without pathways
	 * @param averageHours the mean, rounded to two decimals; absent without pathways
	 */
	record Delay(long pathways, @Nullable BigDecimal medianHours, @Nullable BigDecimal averageHours) {

		static final Delay NONE = new Delay(0, null, null);

	}

	/**
	 * @param sent quotes whose first version was sent this month
	 * @param accepted of those, the quotes with an accepted version (by now)
	 * @param acceptanceRate accepted / sent, four decimals; absent when none was sent
	 */
	record Quotes(long sent, long accepted, @Nullable BigDecimal acceptanceRate) {

		static Quotes of(long sent, long accepted) {
			return new Quotes(sent, accepted, rate(accepted, sent));
		}

	}

	/**
	 * @param completed appointments that took place (completed this month)
	 * @param noShows appointments the patient missed (recorded this month)
	 * @param noShowRate noShows / (completed + noShows), four decimals; absent when both
	 * are zero
	 * @param cancelled appointments cancelled this month
	 * @param rescheduled moves of appointments this month (an appointment moved twice
	 * counts twice)
	 */
	record Appointments(long completed, long noShows, @Nullable BigDecimal noShowRate, long cancelled,
			long rescheduled) {

		static Appointments of(long completed, long noShows, long cancelled, long rescheduled) {
			return new Appointments(completed, noShows, rate(noShows, completed + noShows), cancelled, rescheduled);
		}

	}

	/**
	 * Exact decimal amounts in one currency, as strings like billing's events.
	 *
	 * @param currency ISO 4217 code
	 * @param invoiced totals of the invoices issued this month
	 * @param credited credit notes issued this month
	 * @param revenue invoiced less credited
	 * @param paid payments received this month
	 * @param refunded refunds paid this month
	 * @param collected paid less refunded
	 * @param outstanding what remained due at the end of the month on every invoice
	 * issued until then: invoiced less credited, less paid, plus refunded, all time
	 */
	record Amounts(String currency, String invoiced, String credited, String revenue, String paid, String refunded,
			String collected, String outstanding) {

	}

	/**
	 * The figures one by one, as the CSV lists them: key, currency (money only), value.
	 */
	List<Figure> figures() {
		List<Figure> figures = new ArrayList<>();
		delay(figures, "firstQuote", firstQuote);
		figures.add(new Figure("quotes.sent", null, Long.toString(quotes.sent())));
		figures.add(new Figure("quotes.accepted", null, Long.toString(quotes.accepted())));
		figures.add(new Figure("quotes.acceptanceRate", null, text(quotes.acceptanceRate())));
		delay(figures, "firstAppointment", firstAppointment);
		figures.add(new Figure("appointments.completed", null, Long.toString(appointments.completed())));
		figures.add(new Figure("appointments.noShows", null, Long.toString(appointments.noShows())));
		figures.add(new Figure("appointments.noShowRate", null, text(appointments.noShowRate())));
		figures.add(new Figure("appointments.cancelled", null, Long.toString(appointments.cancelled())));
		figures.add(new Figure("appointments.rescheduled", null, Long.toString(appointments.rescheduled())));
		for (Amounts amounts : money) {
			String currency = amounts.currency();
			figures.add(new Figure("money.invoiced", currency, amounts.invoiced()));
			figures.add(new Figure("money.credited", currency, amounts.credited()));
			figures.add(new Figure("money.revenue", currency, amounts.revenue()));
			figures.add(new Figure("money.paid", currency, amounts.paid()));
			figures.add(new Figure("money.refunded", currency, amounts.refunded()));
			figures.add(new Figure("money.collected", currency, amounts.collected()));
			figures.add(new Figure("money.outstanding", currency, amounts.outstanding()));
		}
		return figures;
	}

	/** One line of a report: an empty value where there is nothing to divide. */
	record Figure(String key, @Nullable String currency, String value) {

	}

	private static void delay(List<Figure> figures, String prefix, Delay delay) {
		figures.add(new Figure(prefix + ".pathways", null, Long.toString(delay.pathways())));
		figures.add(new Figure(prefix + ".medianHours", null, text(delay.medianHours())));
		figures.add(new Figure(prefix + ".averageHours", null, text(delay.averageHours())));
	}

	private static String text(@Nullable BigDecimal value) {
		return (value == null) ? "" : value.toPlainString();
	}

	static @Nullable BigDecimal rate(long part, long whole) {
		return (whole == 0) ? null
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_UP);
	}

}
