package care.parcours.patient.indicators;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import care.parcours.events.billing.BillingEvent;
import care.parcours.events.scheduling.SchedulingEvent;
import care.parcours.patient.pathways.PathwayFixtures;
import care.parcours.test.Metrics;
import care.parcours.test.MutableClock;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestEvents;
import care.parcours.test.WithMutableClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "done when": a scripted month of one partner's network, played as
 * scheduling and billing would report it (some news twice, some late, some of other
 * months and of another partner), and its report checked figure by figure against values
 * computed by hand below.
 */
@ParcoursTest
@WithMutableClock
class NetworkIndicatorsIT {

	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/**
	 * Pathways are opened on 2 March 2026 at 08:00Z, give or take the test's
	 * milliseconds.
	 */
	static final Instant MARCH = Instant.parse("2026-03-02T08:00:00Z");

	@Autowired
	RestTestClient http;

	@Autowired
	MutableClock clock;

	@Autowired
	IndicatorGauges gauges;

	@Test
	void aScriptedMonthGivesTheFiguresComputedByHand() throws IOException {
		clock.advance(Duration.between(clock.instant(), MARCH));
		PartnerWork a = PartnerWork.any();
		PartnerWork b = PartnerWork.any();
		Opened p1 = open();
		Opened p2 = open();
		Opened p3 = open();
		Opened p4 = open();

		// Quotes. P1: Q1 v1 sent at +10h (delivered twice), v2 at +30h, v2 accepted.
		UUID q1 = UUID.randomUUID();
		var q1sent = a.quoteSent(q1, 1, 2, p1.id(), p1.at(10));
		TestEvents.redeliver(q1sent, BillingEvent.class);
		a.quoteSent(q1, 2, 4, p1.id(), p1.at(30));
		a.quoteAccepted(q1, 2, 5, p1.id(), p1.at(40));
		// P2: Q3 (sent +50h, accepted) arrives before Q2 (sent +20h, rejected): the first
		// is Q2.
		UUID q2 = UUID.randomUUID();
		UUID q3 = UUID.randomUUID();
		a.quoteSent(q3, 1, 2, p2.id(), p2.at(50));
		a.quoteAccepted(q3, 1, 3, p2.id(), p2.at(55));
		a.quoteSent(q2, 1, 2, p2.id(), p2.at(20));
		a.quoteRejected(q2, 1, 3, p2.id(), p2.at(21));
		// P3: Q4 sent at +60h, unanswered.
		a.quoteSent(UUID.randomUUID(), 1, 2, p3.id(), p3.at(60));
		// P4: its quote is partner B's, at +2h.
		b.quoteSent(UUID.randomUUID(), 1, 2, p4.id(), p4.at(2));
		// Q6: no pathway, sent and accepted in March.
		UUID q6 = UUID.randomUUID();
		a.quoteSent(q6, 1, 2, null, Instant.parse("2026-03-10T12:00:00Z"));
		a.quoteAccepted(q6, 1, 3, null, Instant.parse("2026-03-11T12:00:00Z"));
		// Q7: first sent in February (its acceptance, in March, arrives first):
		// February's.
		UUID q7 = UUID.randomUUID();
		a.quoteAccepted(q7, 1, 3, null, Instant.parse("2026-03-01T09:00:00Z"));
		a.quoteSent(q7, 1, 2, null, Instant.parse("2026-02-27T10:00:00Z"));

		// Appointments. P1: A1 booked at +5h, completed on the 20th.
		UUID a1 = UUID.randomUUID();
		a.booked(a1, p1.id(), p1.at(5));
		a.completed(a1, 3, Instant.parse("2026-03-20T10:00:00Z"));
		// P2: A2 booked at +12h, moved twice, missed; A3 booked at +8h (arriving later),
		// cancelled.
		UUID a2 = UUID.randomUUID();
		a.booked(a2, p2.id(), p2.at(12));
		a.rescheduled(a2, 2, p2.at(13));
		a.rescheduled(a2, 3, p2.at(14));
		a.noShow(a2, 4, Instant.parse("2026-03-16T09:00:00Z"));
		UUID a3 = UUID.randomUUID();
		a.booked(a3, p2.id(), p2.at(8));
		a.cancelled(a3, 2, p2.at(9));
		// P3: booked with partner B. P4: booked with A at +24h.
		b.booked(UUID.randomUUID(), p3.id(), p3.at(30));
		a.booked(UUID.randomUUID(), p4.id(), p4.at(24));
		// No pathway: A5 completed; A6 missed then corrected to completed (the correction
		// arrives first); A7 missed; A8 cancelled; A9 moved once (told three times);
		// A10 missed in April.
		a.completed(UUID.randomUUID(), 3, Instant.parse("2026-03-21T10:00:00Z"));
		UUID a6 = UUID.randomUUID();
		a.completed(a6, 4, Instant.parse("2026-03-22T11:00:00Z"));
		a.noShow(a6, 3, Instant.parse("2026-03-22T10:00:00Z"));
		a.noShow(UUID.randomUUID(), 2, Instant.parse("2026-03-23T10:00:00Z"));
		a.cancelled(UUID.randomUUID(), 2, Instant.parse("2026-03-24T10:00:00Z"));
		UUID a9 = UUID.randomUUID();
		var moved = a.rescheduled(a9, 2, Instant.parse("2026-03-25T10:00:00Z"));
		TestEvents.redeliver(moved, SchedulingEvent.class);
		a.rescheduled(a9, 2, Instant.parse("2026-03-25T10:00:00Z"));
		a.noShow(UUID.randomUUID(), 2, Instant.parse("2026-04-02T10:00:00Z"));

		// Money. February: I0 EUR 1000.00, 400.00 paid. March: I1 EUR 12450.00, a credit
		// note of 450.00, 8000.00 paid (told twice), 600.00 paid on I0, 100.00 refunded;
		// I2 CHF 2500.50, paid 1000.25 + 0.10 + 0.20. April: 3000.00 paid on I1.
		UUID i0 = UUID.randomUUID();
		a.invoiced(i0, "EUR", "1000.00", Instant.parse("2026-02-20T10:00:00Z"));
		a.paid(i0, "EUR", "400.00", Instant.parse("2026-02-25T10:00:00Z"));
		UUID i1 = UUID.randomUUID();
		a.invoiced(i1, "EUR", "12450.00", Instant.parse("2026-03-05T10:00:00Z"));
		a.credited(i1, "EUR", "450.00", Instant.parse("2026-03-06T10:00:00Z"));
		var payment = a.paid(i1, "EUR", "8000.00", Instant.parse("2026-03-10T10:00:00Z"));
		TestEvents.redeliver(payment, BillingEvent.class);
		a.paid(i0, "EUR", "600.00", Instant.parse("2026-03-11T10:00:00Z"));
		a.refunded(i1, "EUR", "100.00", Instant.parse("2026-03-12T10:00:00Z"));
		UUID i2 = UUID.randomUUID();
		a.invoiced(i2, "CHF", "2500.50", Instant.parse("2026-03-15T10:00:00Z"));
		a.paid(i2, "CHF", "1000.25", Instant.parse("2026-03-16T10:00:00Z"));
		a.paid(i2, "CHF", "0.10", Instant.parse("2026-03-16T11:00:00Z"));
		a.paid(i2, "CHF", "0.20", Instant.parse("2026-03-16T12:00:00Z"));
		a.paid(i1, "EUR", "3000.00", Instant.parse("2026-04-03T10:00:00Z"));

		await().untilAsserted(() -> {
			JsonNode report = report(a.partnerId(), "2026-03");
			// First quote per pathway: P1 +10h, P2 +20h (Q2, not the earlier-arriving
			// Q3),
			// P3 +60h; P4's is B's. Median of {10, 20, 60} = 20; mean (10+20+60)/3 = 30.
			assertThat(report.at("/firstQuote/pathways").asLong()).isEqualTo(3);
			assertThat(decimal(report, "/firstQuote/medianHours")).isEqualByComparingTo("20.00");
			assertThat(decimal(report, "/firstQuote/averageHours")).isEqualByComparingTo("30.00");
			// Quotes first sent in March: Q1 (two versions, one quote), Q2, Q3, Q4, Q6 =
			// 5;
			// Q7 was first sent in February. Accepted of them: Q1, Q3, Q6 = 3; 3/5 =
			// 0.6000.
			assertThat(report.at("/quotes/sent").asLong()).isEqualTo(5);
			assertThat(report.at("/quotes/accepted").asLong()).isEqualTo(3);
			assertThat(decimal(report, "/quotes/acceptanceRate")).isEqualByComparingTo("0.6000");
			// First booking per pathway with A: P1 +5h, P2 +8h (A3, told after A2's
			// +12h),
			// P4 +24h; P3's is B's. Median 8; mean (5+8+24)/3 = 12.333… = 12.33.
			assertThat(report.at("/firstAppointment/pathways").asLong()).isEqualTo(3);
			assertThat(decimal(report, "/firstAppointment/medianHours")).isEqualByComparingTo("8.00");
			assertThat(decimal(report, "/firstAppointment/averageHours")).isEqualByComparingTo("12.33");
			// Completed: A1, A5, A6 (its correction wins) = 3. Missed: A2, A7 = 2 (A10 is
			// April's). No-show rate 2/(3+2) = 0.4000. Cancelled: A3, A8 = 2. Moves: A2
			// twice,
			// A9 once however often told = 3.
			assertThat(report.at("/appointments/completed").asLong()).isEqualTo(3);
			assertThat(report.at("/appointments/noShows").asLong()).isEqualTo(2);
			assertThat(decimal(report, "/appointments/noShowRate")).isEqualByComparingTo("0.4000");
			assertThat(report.at("/appointments/cancelled").asLong()).isEqualTo(2);
			assertThat(report.at("/appointments/rescheduled").asLong()).isEqualTo(3);
			// CHF: invoiced 2500.50, nothing credited, revenue 2500.50; paid 1000.25 +
			// 0.10 +
			// 0.20 = 1000.55 (exactly: no 0.30000000000000004); outstanding 2500.50 −
			// 1000.55
			// = 1499.95. EUR: invoiced 12450.00, credited 450.00, revenue 12000.00; paid
			// 8000.00 + 600.00 = 8600.00, refunded 100.00, collected 8500.00; outstanding
			// at
			// the end of March: (1000.00 + 12450.00) − 450.00 − (400.00 + 8000.00 +
			// 600.00)
			// + 100.00 = 4100.00 (April's 3000.00 not yet).
			assertThat(report.path("money")).hasSize(2);
			JsonNode chf = report.path("money").get(0);
			assertThat(List.of(chf.path("currency").asString(), chf.path("invoiced").asString(),
					chf.path("credited").asString(), chf.path("revenue").asString(), chf.path("paid").asString(),
					chf.path("refunded").asString(), chf.path("collected").asString(),
					chf.path("outstanding").asString()))
				.containsExactly("CHF", "2500.50", "0.00", "2500.50", "1000.55", "0.00", "1000.55", "1499.95");
			JsonNode eur = report.path("money").get(1);
			assertThat(List.of(eur.path("currency").asString(), eur.path("invoiced").asString(),
					eur.path("credited").asString(), eur.path("revenue").asString(), eur.path("paid").asString(),
					eur.path("refunded").asString(), eur.path("collected").asString(),
					eur.path("outstanding").asString()))
				.containsExactly("EUR", "12450.00", "450.00", "12000.00", "8600.00", "100.00", "8500.00", "4100.00");
		});

		// Partner B: P4's first quote at +2h, P3's first booking at +30h; nothing of A's.
		JsonNode other = report(b.partnerId(), "2026-03");
		assertThat(decimal(other, "/firstQuote/medianHours")).isEqualByComparingTo("2.00");
		assertThat(decimal(other, "/firstAppointment/medianHours")).isEqualByComparingTo("30.00");
		assertThat(other.at("/quotes/sent").asLong()).isEqualTo(1);
		assertThat(other.path("money")).isEmpty();
		// February: Q7 sent (accepted in March, counted with the month it was sent in),
		// and
		// I0's balance at the end of February: 1000.00 − 400.00 = 600.00.
		JsonNode february = report(a.partnerId(), "2026-02");
		assertThat(february.at("/quotes/sent").asLong()).isEqualTo(1);
		assertThat(decimal(february, "/quotes/acceptanceRate")).isEqualByComparingTo("1.0000");
		assertThat(february.at("/money/0/outstanding").asString()).isEqualTo("600.00");
		assertThat(february.at("/firstQuote/pathways").asLong()).isZero();
		assertThat(february.at("/firstQuote/medianHours").isMissingNode()
				|| february.at("/firstQuote/medianHours").isNull())
			.as("no median of nothing")
			.isTrue();

		// The gauges are of the current month: the clock is still in March.
		gauges.refresh();
		String scrape = Metrics.scrape(http);
		String partner = "application=\"patient-service\",partner=\"" + a.partnerId() + "\"";
		assertThat(scrape).contains("parcours_indicator_first_quote_median_hours{" + partner + "} 20.0",
				"parcours_indicator_first_appointment_median_hours{" + partner + "} 8.0",
				"parcours_indicator_quotes_sent{" + partner + "} 5.0",
				"parcours_indicator_quote_acceptance_ratio{" + partner + "} 0.6",
				"parcours_indicator_no_show_ratio{" + partner + "} 0.4",
				"parcours_indicator_appointments_cancelled{" + partner + "} 2.0",
				"parcours_indicator_appointments_rescheduled{" + partner + "} 3.0",
				"parcours_indicator_revenue{application=\"patient-service\",currency=\"EUR\",partner=\"" + a.partnerId()
						+ "\"} 12000.0",
				"parcours_indicator_outstanding_balance{application=\"patient-service\",currency=\"CHF\",partner=\""
						+ a.partnerId() + "\"} 1499.95",
				"parcours_indicator_pathways_open{application=\"patient-service\",coordinator=\"" + p1.coordinatorId()
						+ "\"} 1.0",
				"parcours_indicator_pathways_overdue{application=\"patient-service\",coordinator=\""
						+ p1.coordinatorId() + "\"} 0.0");
		assertThat(scrape).as("never a patient").doesNotContain(a.patientId().toString());
		assertThat(networkDashboardReads()).as("the network dashboard's metrics, all exported after this month")
			.isNotEmpty()
			.allSatisfy(name -> assertThat(scrape).contains("\n" + name + "{"));
	}

	/**
	 * The indicator names ops/grafana/dashboards/parcours-network.json reads: the system
	 * tests' platform plays too short a story for every gauge to have a series, so this
	 * month, which has every fact, shows they are exported.
	 */
	static Set<String> networkDashboardReads() throws IOException {
		Path root = Path.of("").toAbsolutePath();
		while (!Files.exists(root.resolve("mvnw"))) {
			root = root.getParent();
		}
		String dashboard = Files.readString(root.resolve("ops/grafana/dashboards/parcours-network.json"));
		Set<String> names = new TreeSet<>();
		Matcher matcher = Pattern.compile("parcours_indicator_[a-z_]+").matcher(dashboard);
		while (matcher.find()) {
			names.add(matcher.group());
		}
		return names;
	}

	JsonNode report(UUID partner, String month) {
		return JSON.readTree(http.get()
			.uri("/api/reports/partners/{partner}/months/{month}", partner, month)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	static BigDecimal decimal(JsonNode report, String pointer) {
		return report.at(pointer).decimalValue();
	}

	Opened open() {
		JsonNode pathway = PathwayFixtures.opened(http, clock.instant().plus(Duration.ofDays(30)));
		return new Opened(PathwayFixtures.id(pathway), Instant.parse(pathway.path("openedAt").asString()),
				pathway.path("coordinatorId").asString());
	}

	/**
	 * A pathway, when it was opened (the facts of the script are hours after that) and by
	 * whom.
	 */
	record Opened(UUID id, Instant openedAt, String coordinatorId) {

		Instant at(int hours) {
			return openedAt.plus(Duration.ofHours(hours));
		}

	}

}
