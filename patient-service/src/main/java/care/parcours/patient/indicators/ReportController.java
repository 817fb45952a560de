package care.parcours.patient.indicators;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import care.parcours.patient.indicators.PartnerMonth.Amounts;
import care.parcours.patient.indicators.PartnerMonth.Appointments;
import care.parcours.patient.indicators.PartnerMonth.Delay;
import care.parcours.patient.indicators.PartnerMonth.Quotes;
import care.parcours.platform.web.Page;
import care.parcours.platform.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Network indicators", description = "Monthly figures per partner for the network's coordinators, "
		+ "billing and operations staff: time to quote and to first appointment, quote acceptance, no-shows, "
		+ "cancellations and moves, revenue and outstanding balance. Counts, hours and amounts, never a person.")
class ReportController {

	/**
	 * The CSV handlers name what they produce and the JSON ones do not: a request that
	 * asks for nothing in particular ({@code *}{@code /*}) then matches JSON exactly and
	 * gets it, and only one that names {@code text/csv} gets CSV.
	 */
	private static final String CSV = "text/csv";

	/**
	 * Springdoc merges each JSON handler with its CSV twin into one operation: the
	 * responses an annotation adds live on the CSV handler, so that the JSON one keeps
	 * the schema springdoc infers from its return type.
	 */
	private static final String NOT_BEGUN = "The month has not begun (problem month-in-future)";

	private static final String LANG = "fr, en or nl; wins over Accept-Language (default en)";

	/**
	 * One partner's month, with the labels of its figures in the language asked for.
	 *
	 * @param language the labels' language: fr, en or nl
	 * @param labels each figure's key (as the CSV's indicator column names it, such as
	 * {@code quotes.acceptanceRate}) and its label
	 */
	record PartnerReport(UUID partnerId, String month, Delay firstQuote, Quotes quotes, Delay firstAppointment,
			Appointments appointments, List<Amounts> money, String language, Map<String, String> labels) {

		static PartnerReport of(PartnerMonth month, ReportLanguage language) {
			return new PartnerReport(month.partnerId(), month.month(), month.firstQuote(), month.quotes(),
					month.firstAppointment(), month.appointments(), month.money(), language.tag(), language.labels());
		}

	}

	/**
	 * A page of the partners with activity in the month, by partner id.
	 *
	 * @param language the labels' language
	 * @param labels each figure's key and its label
	 */
	record MonthReports(String month, String language, Map<String, String> labels, List<PartnerMonth> content,
			Page.Metadata page) {

	}

	private final PartnerReports reports;

	private final Clock clock;

	ReportController(PartnerReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/api/reports/partners/{partnerId}/months/{month}")
	@Operation(summary = "Read a partner's monthly indicators",
			description = "The partner's figures for a UTC month (yyyy-MM, begun or past), summed from scheduling's "
					+ "and billing's news; Accept: text/csv gives the same figures one per line. Coordinators, "
					+ "billing staff, admins and operations staff; a partner client with partner.quotes.read its "
					+ "own only (another partner's id answers 404).")
	PartnerReport partnerMonth(@PathVariable UUID partnerId, @PathVariable String month,
			@Parameter(description = LANG) @RequestParam(required = false) @Nullable String lang,
			HttpServletRequest request) {
		ReportLanguage language = ReportLanguage.of(lang, request.getLocales());
		return PartnerReport.of(reports.of(partnerId, ReportMonth.parse(month, clock).value()), language);
	}

	@GetMapping(path = "/api/reports/partners/{partnerId}/months/{month}", produces = CSV)
	@ApiResponse(responseCode = "422", description = NOT_BEGUN)
	@ApiResponse(responseCode = "200", description = "The figures as CSV, one per line",
			content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
	ResponseEntity<String> partnerMonthCsv(@PathVariable UUID partnerId, @PathVariable String month,
			@Parameter(description = LANG) @RequestParam(required = false) @Nullable String lang,
			HttpServletRequest request) throws IOException {
		ReportLanguage language = ReportLanguage.of(lang, request.getLocales());
		PartnerMonth report = reports.of(partnerId, ReportMonth.parse(month, clock).value());
		ReportCsv csv = new ReportCsv(language);
		StringWriter out = new StringWriter();
		csv.header(out);
		csv.rows(report, out);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment("indicators-" + partnerId + "-" + report.month()))
			.body(out.toString());
	}

	@GetMapping("/api/reports/months/{month}")
	@Operation(summary = "List the partners' monthly indicators",
			description = "One report per partner with activity in the UTC month (yyyy-MM, begun or past), by "
					+ "partner id, paginated; Accept: text/csv writes every partner's figures, streamed (page and size do not apply). "
					+ "Coordinators, billing staff, admins and operations staff.")
	MonthReports month(@PathVariable String month,
			@Parameter(description = LANG) @RequestParam(required = false) @Nullable String lang,
			HttpServletRequest request, PageQuery page) {
		ReportLanguage language = ReportLanguage.of(lang, request.getLocales());
		ReportMonth reportMonth = ReportMonth.parse(month, clock);
		Page<PartnerMonth> found = reports.page(reportMonth.value(), page);
		return new MonthReports(reportMonth.value().toString(), language.tag(), language.labels(), found.content(),
				found.page());
	}

	@GetMapping(path = "/api/reports/months/{month}", produces = CSV)
	@ApiResponse(responseCode = "422", description = NOT_BEGUN)
	@ApiResponse(responseCode = "200", description = "Every active partner's figures as CSV, one per line",
			content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
	void monthCsv(@PathVariable String month,
			@Parameter(description = LANG) @RequestParam(required = false) @Nullable String lang,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		ReportLanguage language = ReportLanguage.of(lang, request.getLocales());
		ReportMonth reportMonth = ReportMonth.parse(month, clock);
		response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("indicators-" + reportMonth.value()));
		Writer out = response.getWriter();
		reports.writeAll(reportMonth.value(), new ReportCsv(language), out);
	}

	private static String attachment(String name) {
		return ContentDisposition.attachment().filename(name + ".csv").build().toString();
	}

}
