package care.parcours.patient.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import care.parcours.platform.domain.NotFoundException;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;

import org.springframework.stereotype.Service;

/**
 * The monthly reports: one partner's, a page of the partners active in a month, or all of
 * them written as CSV a batch at a time.
 */
@Service
class PartnerReports {

	/** Partners summed per round trip when a whole month is written out. */
	static final int BATCH = 100;

	private final IndicatorReports reports;

	PartnerReports(IndicatorReports reports) {
		this.reports = reports;
	}

	/** A partner the network has no fact of and no pathway at is unknown (404). */
	PartnerMonth of(UUID partner, YearMonth month) {
		if (!reports.knows(partner)) {
			throw new NotFoundException("partner-not-found", "No partner has the id " + partner + ".");
		}
		return reports.of(List.of(partner), month).getFirst();
	}

	Page<PartnerMonth> page(YearMonth month, PageQuery query) {
		List<UUID> partners = reports.activeIn(month, query.offset(), query.size());
		return Page.of(reports.of(partners, month), query, reports.countActiveIn(month));
	}

	/** Every active partner's report, {@value #BATCH} partners in memory at a time. */
	void writeAll(YearMonth month, ReportCsv csv, Writer out) {
		try {
			csv.header(out);
			for (long offset = 0;; offset += BATCH) {
				List<UUID> partners = reports.activeIn(month, offset, BATCH);
				for (PartnerMonth report : reports.of(partners, month)) {
					csv.rows(report, out);
				}
				out.flush();
				if (partners.size() < BATCH) {
					return;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
