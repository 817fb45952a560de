package care.parcours.patient.indicators;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.indicators.NetworkIndicatorsIT.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The report's HTTP side: CSV in the three languages, the list across partners page by
 * page and streamed, bad months, unknown partners and who may read what. Its months are
 * past ones, so the figures do not depend on today's date.
 */
@ParcoursTest
class ReportApiIT {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	@Autowired
	RestTestClient http;

	/** A quote sent and accepted, a no-show and an invoice: something of each kind. */
	PartnerWork active(String month) {
		PartnerWork work = PartnerWork.any();
		Instant at = Instant.parse(month + "-10T10:00:00Z");
		UUID quote = UUID.randomUUID();
		work.quoteSent(quote, 1, 2, null, at);
		work.quoteAccepted(quote, 1, 3, null, at.plusSeconds(3600));
		work.quoteSent(UUID.randomUUID(), 1, 2, null, at);
		work.noShow(UUID.randomUUID(), 2, at);
		work.invoiced(UUID.randomUUID(), "EUR", "100.10", at);
		await().untilAsserted(() -> assertThat(
				json("/api/reports/partners/{p}/months/{m}", work.partnerId(), month).at("/money/0/invoiced")
					.asString())
			.isEqualTo("100.10"));
		return work;
	}

	@Test
	void aPartnersMonthAsCsvSpeaksTheLanguageAskedFor() {
		PartnerWork work = active("2025-10");
		String path = "/api/reports/partners/" + work.partnerId() + "/months/2025-10";

		List<String> dutch = csv(path, "nl-BE, fr;q=0.5");
		assertThat(dutch.getFirst()).isEqualTo("Partner,Maand,Indicator,Omschrijving,Munt,Waarde");
		assertThat(dutch).contains(
				work.partnerId() + ",2025-10,quotes.acceptanceRate,Aanvaardingsgraad van offertes,,0.5000",
				work.partnerId() + ",2025-10,appointments.noShowRate,No-showgraad,,1.0000",
				work.partnerId() + ",2025-10,money.outstanding,Openstaand saldo op het einde van de maand,EUR,100.10",
				work.partnerId()
						+ ",2025-10,firstQuote.medianHours,Mediane tijd van opening tot eerste offerte (uren),,");
		// 14 figures and 7 per currency, after the header.
		assertThat(dutch).hasSize(1 + 14 + 7);

		List<String> french = csv(path + "?lang=fr", "nl");
		assertThat(french.getFirst()).isEqualTo("Partenaire,Mois,Indicateur,Libellé,Devise,Valeur");
		assertThat(french)
			.contains(work.partnerId() + ",2025-10,quotes.acceptanceRate,Taux d'acceptation des devis,,0.5000");
		assertThat(csv(path, "de, es").getFirst()).as("English when none we have is asked for")
			.isEqualTo("Partner,Month,Indicator,Label,Currency,Value");

		http.get()
			.uri(path)
			.accept(MediaType.ALL)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		JsonNode json = json(path + "?lang=nl");
		assertThat(json.path("language").asString()).isEqualTo("nl");
		assertThat(json.at("/labels/quotes.acceptanceRate").asString()).isEqualTo("Aanvaardingsgraad van offertes");
	}

	@Test
	void theMonthsPartnersComePageByPageAndWholeAsCsv() {
		List<UUID> partners = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			partners.add(active("2025-09").partnerId());
		}
		// PostgreSQL orders uuids byte by byte, as their lower-case text sorts; not as
		// UUID.compareTo, which compares signed longs.
		List<String> ordered = partners.stream().map(UUID::toString).sorted().toList();

		JsonNode first = json("/api/reports/months/2025-09?size=2");
		assertThat(first.at("/page/totalElements").asLong()).isEqualTo(3);
		assertThat(first.at("/page/totalPages").asLong()).isEqualTo(2);
		JsonNode second = json("/api/reports/months/2025-09?size=2&page=1");
		List<String> listed = new ArrayList<>();
		first.path("content").forEach(report -> listed.add(report.path("partnerId").asString()));
		second.path("content").forEach(report -> listed.add(report.path("partnerId").asString()));
		assertThat(listed).containsExactlyElementsOf(ordered);
		assertThat(second.at("/content/0/quotes/sent").asLong()).isEqualTo(2);

		List<String> lines = csv("/api/reports/months/2025-09", "en");
		assertThat(lines).hasSize(1 + 3 * (14 + 7));
		assertThat(lines.get(1)).startsWith(ordered.getFirst() + ",2025-09,");
		assertThat(lines.getLast()).startsWith(ordered.getLast() + ",2025-09,money.outstanding,");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-3", "2026-13", "march", "2026-03-01", "02026-03" })
	void aMalformedMonthIsA400NamingIt(String month) {
		JsonNode problem = problem("/api/reports/months/" + month, HttpStatus.BAD_REQUEST);
		assertThat(problem.path("type").asString()).endsWith("/invalid-month");
		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("month");
		problem("/api/reports/partners/" + UUID.randomUUID() + "/months/" + month, HttpStatus.BAD_REQUEST);
	}

	@Test
	void aMonthNotBegunIsRefusedAndAnUnknownPartnerIsNotFound() {
		assertThat(problem("/api/reports/months/2999-01", HttpStatus.UNPROCESSABLE_CONTENT).path("type").asString())
			.endsWith("/month-in-future");
		assertThat(problem("/api/reports/partners/" + UUID.randomUUID() + "/months/2025-01", HttpStatus.NOT_FOUND)
			.path("type")
			.asString()).endsWith("/partner-not-found");
		byte[] asCsv = http.get()
			.uri("/api/reports/partners/{p}/months/2025-01", UUID.randomUUID())
			.accept(CSV)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.returnResult()
			.getResponseBody();
		assertThat(JSON.readTree(asCsv).path("type").asString()).endsWith("/partner-not-found");
		assertThat(
				problem("/api/reports/months/2025-01?lang=de", HttpStatus.BAD_REQUEST).at("/errors/0/field").asString())
			.isEqualTo("lang");
	}

	@Test
	void aPartnerReadsItsOwnMonthOnlyAndNeverTheComparison() {
		PartnerWork work = active("2025-08");
		String own = TestTokens.partner(work.partnerId()).bearer();
		http.get()
			.uri("/api/reports/partners/{p}/months/2025-08", work.partnerId())
			.header(HttpHeaders.AUTHORIZATION, own)
			.exchange()
			.expectStatus()
			.isOk();
		PartnerWork other = active("2025-08");
		http.get()
			.uri("/api/reports/partners/{p}/months/2025-08", other.partnerId())
			.header(HttpHeaders.AUTHORIZATION, own)
			.exchange()
			.expectStatus()
			.isNotFound();
		http.get()
			.uri("/api/reports/months/2025-08")
			.header(HttpHeaders.AUTHORIZATION, own)
			.exchange()
			.expectStatus()
			.isForbidden();
		http.get()
			.uri("/api/reports/partners/{p}/months/2025-08", work.partnerId())
			.header(HttpHeaders.AUTHORIZATION,
					TestTokens.partner(work.partnerId()).scopes("partner.appointments.read").bearer())
			.exchange()
			.expectStatus()
			.isForbidden();
		http.get()
			.uri("/api/reports/months/2025-08")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff("assistant").bearer())
			.exchange()
			.expectStatus()
			.isForbidden();
		http.get()
			.uri("/api/reports/months/2025-08")
			.header(HttpHeaders.AUTHORIZATION, TestTokens.staff("ops").bearer())
			.exchange()
			.expectStatus()
			.isOk();
	}

	JsonNode json(String uri, Object... variables) {
		return JSON.readTree(http.get()
			.uri(uri, variables)
			.accept(MediaType.APPLICATION_JSON)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

	List<String> csv(String uri, String languages) {
		String body = http.get()
			.uri(uri)
			.accept(CSV)
			.header(HttpHeaders.ACCEPT_LANGUAGE, languages)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/csv;charset=UTF-8")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).endsWith("\r\n");
		return Arrays.asList(body.split("\r\n"));
	}

	JsonNode problem(String uri, HttpStatus status) {
		return JSON.readTree(http.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody());
	}

}
