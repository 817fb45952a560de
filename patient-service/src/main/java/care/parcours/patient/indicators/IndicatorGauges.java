package care.parcours.patient.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import care.parcours.patient.indicators.PartnerMonth.Amounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The indicators as Prometheus gauges, refreshed from the read model every
 * {@code parcours.patient.indicators.gauge-refresh} (a minute): the current UTC month's
 * figures per partner (and currency), and each coordinator's active and overdue pathways.
 * Labels are partner ids, currencies and coordinator ids only, never a patient: a few
 * hundred series at most. Amounts are doubles here, as Prometheus keeps them; the report
 * is the exact figure.
 */
@Component
class IndicatorGauges {

	private final Map<String, MultiGauge> gauges = new LinkedHashMap<>();

	private final IndicatorReports reports;

	private final JdbcClient jdbc;

	private final Clock clock;

	IndicatorGauges(IndicatorReports reports, JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.reports = reports;
		this.jdbc = jdbc;
		this.clock = clock;
		gauge(meters, "first.quote.median.hours", "Median hours from pathway opened to first quote sent, this month");
		gauge(meters, "first.appointment.median.hours",
				"Median hours from pathway opened to first appointment booked, this month");
		gauge(meters, "quotes.sent", "Quotes first sent this month");
		gauge(meters, "quote.acceptance.ratio", "Accepted of the quotes first sent this month");
		gauge(meters, "appointments.completed", "Appointments attended this month");
		gauge(meters, "appointments.no.show", "Appointments missed this month");
		gauge(meters, "no.show.ratio", "No-shows / (attended + no-shows), this month");
		gauge(meters, "appointments.cancelled", "Appointments cancelled this month");
		gauge(meters, "appointments.rescheduled", "Appointment moves this month");
		gauge(meters, "revenue", "Invoiced less credit notes this month, per currency");
		gauge(meters, "outstanding.balance", "Due on the partner's invoices now, per currency");
		gauge(meters, "pathways.open", "Active pathways (open or on hold) per coordinator");
		gauge(meters, "pathways.overdue", "Active pathways with an overdue step per coordinator");
	}

	private void gauge(MeterRegistry meters, String name, String description) {
		gauges.put(name, MultiGauge.builder("parcours.indicator." + name).description(description).register(meters));
	}

	@Scheduled(initialDelayString = "${parcours.patient.indicators.gauge-refresh:1m}",
			fixedDelayString = "${parcours.patient.indicators.gauge-refresh:1m}")
	void refresh() {
		YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
		List<PartnerMonth> all = new ArrayList<>();
		for (long offset = 0;; offset += PartnerReports.BATCH) {
			List<UUID> partners = reports.activeIn(month, offset, PartnerReports.BATCH);
			all.addAll(reports.of(partners, month));
			if (partners.size() < PartnerReports.BATCH) {
				break;
			}
		}
		perPartner("first.quote.median.hours", all, report -> report.firstQuote().medianHours());
		perPartner("first.appointment.median.hours", all, report -> report.firstAppointment().medianHours());
		perPartner("quotes.sent", all, report -> report.quotes().sent());
		perPartner("quote.acceptance.ratio", all, report -> report.quotes().acceptanceRate());
		perPartner("appointments.completed", all, report -> report.appointments().completed());
		perPartner("appointments.no.show", all, report -> report.appointments().noShows());
		perPartner("no.show.ratio", all, report -> report.appointments().noShowRate());
		perPartner("appointments.cancelled", all, report -> report.appointments().cancelled());
		perPartner("appointments.rescheduled", all, report -> report.appointments().rescheduled());
		perCurrency("revenue", all, Amounts::revenue);
		perCurrency("outstanding.balance", all, Amounts::outstanding);
		coordinators();
	}

	private void perPartner(String name, List<PartnerMonth> reports, Function<PartnerMonth, @Nullable Number> value) {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		for (PartnerMonth report : reports) {
			Number number = value.apply(report);
			if (number != null) {
				rows.add(MultiGauge.Row.of(Tags.of("partner", report.partnerId().toString()), number.doubleValue()));
			}
		}
		gauges.get(name).register(rows, true);
	}

	private void perCurrency(String name, List<PartnerMonth> reports, Function<Amounts, String> value) {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		for (PartnerMonth report : reports) {
			for (Amounts amounts : report.money()) {
				rows.add(MultiGauge.Row.of(
						Tags.of("partner", report.partnerId().toString(), "currency", amounts.currency()),
						new BigDecimal(value.apply(amounts)).doubleValue()));
			}
		}
		gauges.get(name).register(rows, true);
	}

	/**
	 * From the pathways themselves, as they stand: a step the overdue watch marked makes
	 * its pathway overdue until the step moves on.
	 */
	private void coordinators() {
		List<MultiGauge.Row<?>> open = new ArrayList<>();
		List<MultiGauge.Row<?>> overdue = new ArrayList<>();
		jdbc.sql("""
				select coordinator_id, count(*) as open,
				       count(*) filter (where exists (select 1 from pathway_step s
				                                      where s.pathway_id = p.id and s.status = 'OVERDUE')) as overdue
				from pathway p where status in ('OPEN', 'ON_HOLD')
				group by coordinator_id
				""").query((rs, row) -> {
			Tags tags = Tags.of("coordinator", rs.getString("coordinator_id"));
			open.add(MultiGauge.Row.of(tags, rs.getLong("open")));
			overdue.add(MultiGauge.Row.of(tags, rs.getLong("overdue")));
			return row;
		}).list();
		gauges.get("pathways.open").register(open, true);
		gauges.get("pathways.overdue").register(overdue, true);
	}

}
