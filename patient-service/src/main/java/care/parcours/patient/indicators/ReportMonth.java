package care.parcours.patient.indicators;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import care.parcours.platform.domain.InvalidRequestException;
import care.parcours.platform.domain.RuleViolationException;

/**
 * The month a report is of, {@code yyyy-MM} in UTC: malformed is a 400 naming the month,
 * a month not begun yet a 422 (its figures would all be zero, which reads as a fact). The
 * current month is allowed: its figures so far.
 */
record ReportMonth(YearMonth value) {

	private static final Pattern FORM = Pattern.compile("\\d{4}-\\d{2}");

	static ReportMonth parse(String text, Clock clock) {
		YearMonth month;
		try {
			if (!FORM.matcher(text).matches()) {
				throw new DateTimeParseException("not yyyy-MM", text, 0);
			}
			month = YearMonth.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw InvalidRequestException.naming("invalid-month", "month",
					"A month is written yyyy-MM, such as 2026-03, not " + InvalidRequestException.quote(text) + ".");
		}
		if (month.isAfter(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
			throw new RuleViolationException("month-in-future",
					"The month " + month + " has not begun: a report is of a month begun or past.");
		}
		return new ReportMonth(month);
	}

}
