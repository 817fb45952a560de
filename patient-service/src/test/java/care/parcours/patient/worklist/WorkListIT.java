package care.parcours.patient.worklist;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import care.parcours.patient.pathways.AlertKind;
import care.parcours.patient.pathways.PathwayFixtures;
import care.parcours.patient.pathways.PathwayService;
import care.parcours.patient.pathways.PathwayStatus;
import care.parcours.test.ParcoursTest;
import care.parcours.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static care.parcours.patient.pathways.PathwayFixtures.id;
import static care.parcours.patient.pathways.PathwayFixtures.opened;
import static care.parcours.patient.pathways.PathwayFixtures.patient;
import static care.parcours.patient.pathways.PathwayFixtures.post;
import static care.parcours.patient.pathways.PathwayFixtures.stepId;
import static care.parcours.patient.pathways.PathwayFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work list's rules. Its pages count the list exactly up to 5 pathways here (1,000 in
 * the service), so that a list beyond the cap takes a few pathways, not a thousand.
 */
@ParcoursTest(properties = "parcours.patient.pathways.work-list.count-up-to=" + WorkListIT.CAP)
class WorkListIT {

	static final int CAP = 5;

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PathwayService service;

	@Test
	void pathwaysWithOpenAlertsComeFirstThenTheEarliestNextStep() {
		UUID template = template(http, "urgency");
		UUID far = id(
				opened(http, patient(http, "urgency-far"), template, "2026-06-10T08:00:00Z", "coord-urgency", null));
		UUID near = id(
				opened(http, patient(http, "urgency-near"), template, "2026-04-10T08:00:00Z", "coord-urgency", null));
		JsonNode alerted = opened(http, patient(http, "urgency-alert"), template, "2026-07-10T08:00:00Z",
				"coord-urgency", null);
		service.raiseAlert(id(alerted), stepId(alerted, "quote"), AlertKind.QUOTE_EXPIRED, Instant.now());

		JsonNode page = list("coordinator=coord-urgency");

		assertThat(ids(page)).containsExactly(id(alerted), near, far);
		JsonNode first = page.get("content").get(0);
		assertThat(first.get("openAlerts").asInt()).isOne();
		assertThat(first.get("alertKinds").get(0).asString()).isEqualTo("QUOTE_EXPIRED");
		assertThat(first.get("nextStep").get("kind").asString()).isEqualTo("TELECONSULTATION");
		assertThat(first.get("nextStep").get("names").get("nl").asString()).isEqualTo("teleconsultation (nl)");
		assertThat(first.get("template").get("code").asString()).isEqualTo("hip-urgency");
		assertThat(page.get("content").get(1).get("nextStep").get("dueAt").asString())
			.isEqualTo("2026-03-11T08:00:00Z");
		assertThat(page.get("content").get(1).get("openAlerts").asInt()).isZero();
	}

	@Test
	void theNextStepFollowsTheWorkDone() {
		JsonNode pathway = opened(http, patient(http, "next"), template(http, "next"), PathwayFixtures.SURGERY,
				"coord-next", null);
		service.completeStep(id(pathway), stepId(pathway, "teleconsultation"), Instant.now());

		JsonNode item = list("coordinator=coord-next").get("content").get(0);

		assertThat(item.get("nextStep").get("kind").asString()).isEqualTo("QUOTE");
		assertThat(item.get("nextStep").get("status").asString()).isEqualTo("PLANNED");
		assertThat(item.get("version").asLong()).isOne();
	}

	@Test
	void theListIsFilteredByCoordinatorPartnerStatusAlertTemplateAndDueDate() {
		UUID hip = template(http, "filters-hip");
		UUID knee = template(http, "filters-knee");
		UUID clinic = UUID.randomUUID();
		UUID atClinic = id(opened(http, patient(http, "filters-1"), hip, "2026-03-10T08:00:00Z", "coord-f", clinic));
		UUID knees = id(opened(http, patient(http, "filters-2"), knee, "2026-05-10T08:00:00Z", "coord-f", null));
		JsonNode heldOne = opened(http, patient(http, "filters-3"), hip, "2026-04-10T08:00:00Z", "coord-f", null);
		post(http, "/api/pathways/" + id(heldOne) + "/hold", "\"0\"", "{}").expectStatus().isOk();
		service.raiseAlert(id(heldOne), null, AlertKind.MOVE_REFUSED, Instant.now());
		UUID closed = id(opened(http, patient(http, "filters-4"), hip, "2026-04-10T08:00:00Z", "coord-f", null));
		post(http, "/api/pathways/" + closed + "/cancel", "\"0\"", "{\"reason\": \"Duplicate\"}").expectStatus().isOk();

		assertThat(ids(list("coordinator=coord-f"))).containsExactly(id(heldOne), atClinic, knees);
		assertThat(ids(list("coordinator=coord-f&partner=" + clinic))).containsExactly(atClinic);
		assertThat(ids(list("coordinator=coord-f&status=ON_HOLD"))).containsExactly(id(heldOne));
		assertThat(ids(list("coordinator=coord-f&status=CANCELLED"))).containsExactly(closed);
		assertThat(ids(list("coordinator=coord-f&status=OPEN,CANCELLED"))).containsExactlyInAnyOrder(atClinic, knees,
				closed);
		assertThat(ids(list("coordinator=coord-f&alert=MOVE_REFUSED"))).containsExactly(id(heldOne));
		assertThat(ids(list("coordinator=coord-f&alert=STEP_OVERDUE"))).isEmpty();
		assertThat(ids(list("coordinator=coord-f&hasAlerts=false"))).containsExactly(atClinic, knees);
		assertThat(ids(list("coordinator=coord-f&template=" + knee))).containsExactly(knees);
		assertThat(ids(list("coordinator=coord-f&dueBefore=2026-03-01T00:00:00Z"))).containsExactly(atClinic);
		http.get().uri("/api/pathways?alert=LOST").exchange().expectStatus().isBadRequest();
	}

	@Test
	void meIsTheCallerAndPagesAreBounded() {
		String bearer = TestTokens.staff("coordinator").subject("coord-me").bearer();
		UUID template = template(http, "me");
		for (String tag : List.of("me-1", "me-2", "me-3")) {
			http.post()
				.uri("/api/pathways")
				.header(HttpHeaders.AUTHORIZATION, bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"patientId\": \"%s\", \"templateId\": \"%s\", \"anchorAt\": \"%s\"}"
					.formatted(patient(http, tag), template, PathwayFixtures.SURGERY))
				.exchange()
				.expectStatus()
				.isCreated();
		}

		JsonNode first = list("coordinator=me&size=2", bearer);
		JsonNode second = list("coordinator=me&size=2&page=1", bearer);

		assertThat(first.get("content")).hasSize(2);
		assertThat(first.get("page").get("totalElements").asLong()).isEqualTo(3);
		assertThat(first.get("page").get("totalPages").asLong()).isEqualTo(2);
		assertThat(second.get("content")).hasSize(1);
		assertThat(first.get("content").get(0).get("coordinatorId").asString()).isEqualTo("coord-me");
		http.get().uri("/api/pathways?size=1000").exchange().expectStatus().isBadRequest();
	}

	@Test
	void aListBeyondTheCapSaysHowManyAtLeastAndNeverGivesThatAsItsTotal() {
		UUID template = template(http, "cap");
		for (int i = 0; i < CAP + 2; i++) {
			opened(http, patient(http, "cap-" + i), template, "2026-04-1" + i + "T08:00:00Z", "coord-cap", null);
		}

		JsonNode first = list("coordinator=coord-cap&size=2").get("page");
		JsonNode third = list("coordinator=coord-cap&size=2&page=2").get("page");
		JsonNode last = list("coordinator=coord-cap&size=2&page=3");

		assertThat(first.get("totalExact").asBoolean()).isFalse();
		assertThat(first.get("totalElementsAtLeast").asLong()).isEqualTo(CAP + 1);
		assertThat(first.has("totalElements")).isFalse();
		assertThat(first.has("totalPages")).isFalse();
		// A page past the cap counts to its own end and one more: whether a page follows.
		assertThat(third.get("totalExact").asBoolean()).isFalse();
		assertThat(third.get("totalElementsAtLeast").asLong()).isEqualTo(CAP + 2);
		// The last page knows the total from its own length.
		assertThat(last.get("content")).hasSize(1);
		assertThat(last.get("page").get("totalExact").asBoolean()).isTrue();
		assertThat(last.get("page").get("totalElements").asLong()).isEqualTo(CAP + 2);
		assertThat(last.get("page").get("totalPages").asLong()).isEqualTo(4);
	}

	@Test
	void aListWithinTheCapIsCountedExactly() {
		UUID template = template(http, "under-cap");
		for (int i = 0; i < CAP; i++) {
			opened(http, patient(http, "under-cap-" + i), template, "2026-04-1" + i + "T08:00:00Z", "coord-under",
					null);
		}

		JsonNode page = list("coordinator=coord-under&size=2").get("page");

		assertThat(page.get("totalExact").asBoolean()).isTrue();
		assertThat(page.get("totalElements").asLong()).isEqualTo(CAP);
		assertThat(page.get("totalPages").asLong()).isEqualTo(3);
		assertThat(page.has("totalElementsAtLeast")).isFalse();
	}

	@Test
	void coordinatorsSeePatientsNamesEachShownAuditedAndBillingSeesIdsOnly() {
		UUID template = template(http, "names");
		UUID patient = patient(http, "names");
		UUID other = patient(http, "names-other");
		UUID erased = patient(http, "names-erased");
		opened(http, patient, template, "2026-04-10T08:00:00Z", "coord-names", null);
		opened(http, other, template, "2026-04-11T08:00:00Z", "coord-names", null);
		opened(http, other, template, "2026-04-12T08:00:00Z", "coord-names", null);
		opened(http, erased, template, "2026-04-13T08:00:00Z", "coord-names", null);
		http.post()
			.uri("/api/patients/{id}/erasure", erased)
			.header("If-Match", "\"0\"")
			.header("X-Access-Purpose", "patient-request")
			.exchange()
			.expectStatus()
			.isOk();
		String query = "coordinator=coord-names&status=OPEN,CANCELLED";

		JsonNode coordinators = list(query, TestTokens.staff("coordinator").bearer());

		assertThat(
				coordinators.get("content").valueStream().map(item -> item.path("patientName").asString("")).toList())
			.containsExactly("Yasmine Benali-names", "Yasmine Benali-names-other", "Yasmine Benali-names-other", "");
		assertThat(coordinators.get("content").get(3).get("patientId").asString()).isEqualTo(erased.toString());
		// Each patient shown once is audited once, the erased one (no name) not at all.
		assertThat(listed(patient)).isOne();
		assertThat(listed(other)).isOne();
		assertThat(listed(erased)).isZero();

		JsonNode billing = list(query, TestTokens.staff("billing").bearer());
		assertThat(billing.get("content").get(0).get("patientId").asString()).isEqualTo(patient.toString());
		assertThat(billing.get("content").valueStream().filter(item -> item.has("patientName"))).isEmpty();
		assertThat(listed(patient)).isOne();
		assertThat(listed(other)).isOne();
	}

	private long listed(UUID patient) {
		return jdbc.sql("select count(*) from patient_access where patient_id = ? and action = 'LIST'")
			.param(patient)
			.query(Long.class)
			.single();
	}

	@Test
	void aPartnerListsOnlyThePathwaysAtItsOrganisationAndSeesWhoseOnlyWithConsent() {
		UUID clinic = UUID.randomUUID();
		UUID template = template(http, "partner-list");
		UUID consenting = patient(http, "partner-consenting");
		UUID silent = patient(http, "partner-silent");
		opened(http, consenting, template, "2026-03-10T08:00:00Z", "coord-partner", clinic);
		opened(http, silent, template, "2026-03-11T08:00:00Z", "coord-partner", clinic);
		opened(http, patient(http, "partner-other"), template, "2026-03-12T08:00:00Z", "coord-partner",
				UUID.randomUUID());
		http.post()
			.uri("/api/patients/{id}/consents", consenting)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"purpose\": \"SHARING_WITH_PARTNER\", \"partnerId\": \"%s\", \"method\": \"SIGNED_FORM\"}"
				.formatted(clinic))
			.exchange()
			.expectStatus()
			.isCreated();

		JsonNode page = list("partner=" + UUID.randomUUID(), TestTokens.partner(clinic).bearer());

		assertThat(page.get("content")).hasSize(2);
		assertThat(page.get("content").valueStream().map(item -> item.get("partnerId").asString()))
			.containsOnly(clinic.toString());
		assertThat(page.get("content").get(0).get("patientId").asString()).isEqualTo(consenting.toString());
		assertThat(page.get("content").get(1).has("patientId")).isFalse();
		assertThat(page.get("content").valueStream().filter(item -> item.has("patientName"))).isEmpty();
	}

	/**
	 * The work list's first page over 10,000 active pathways of 8 steps is an index scan
	 * in the list's order, with no sort, for all pathways and for one coordinator. The
	 * plans are printed for the record.
	 */
	@Test
	void theFirstPageIsAnIndexScanInTheListsOrderOverTenThousandPathways() {
		UUID patient = patient(http, "plan");
		UUID template = template(http, "plan");
		bulk(patient, template, 10_000);

		String all = explain(new WorkListFilter(null, null, Set.of(), null, null, null, null));
		String mine = explain(new WorkListFilter("bulk-7", null, Set.of(), null, null, null, null));
		String partners = explain(
				new WorkListFilter(null, UUID.randomUUID(), Set.of(PathwayStatus.OPEN), null, null, null, null));
		System.out.println("EXPLAIN work list, first page, all active pathways:\n" + all);
		System.out.println("EXPLAIN work list, first page, coordinator=bulk-7:\n" + mine);
		System.out.println("EXPLAIN work list, first page, one partner, status=OPEN:\n" + partners);
		String count = explain(WorkItems.countSql(new WorkListFilter(null, null, Set.of(), null, null, null, null)),
				null, null);
		System.out.println("EXPLAIN work list, count up to 1,001, all active pathways:\n" + count);

		assertThat(all).contains("Index Scan using pathway_worklist on pathway").doesNotContain("Sort");
		assertThat(mine).contains("Index Scan using pathway_worklist_coordinator on pathway").doesNotContain("Sort");
		assertThat(partners).contains("pathway_worklist_partner").doesNotContain("Sort");
		assertThat(count).contains("Limit").contains("rows=1001");
	}

	private String explain(WorkListFilter filter) {
		return explain(WorkItems.firstPageSql(filter), filter.coordinatorId(), filter.partnerId());
	}

	private String explain(String sql, String coordinator, UUID partner) {
		return String.join("\n",
				jdbc.sql("explain (analyze, buffers, costs off, timing off, summary off) " + sql)
					.param("size", 20)
					.param("offset", 0)
					.param("coordinator", coordinator == null ? "" : coordinator)
					.param("partner", partner == null ? UUID.randomUUID() : partner)
					.param("countLimit", 1_001)
					.query(String.class)
					.list());
	}

	/** Pathways of 8 steps each, as the benchmark's: 1 in 25 with an open alert. */
	private void bulk(UUID patient, UUID template, int count) {
		jdbc.sql(
				"""
						insert into pathway (id, patient_id, template_id, template_version, template_code, anchor_at,
						                     coordinator_id, partner_id, status, version, opened_at, changed_at, open_alerts,
						                     open_alert_kinds, urgency)
						select gen_random_uuid(), ?, ?, 1, 'hip-plan', now() + (g % 365) * interval '1 day', 'bulk-' || (g % 20),
						       null, 'OPEN', 0, now(), now(), case when g % 25 = 0 then 1 else 0 end,
						       case when g % 25 = 0 then '{STEP_OVERDUE}'::text[] else '{}' end,
						       case when g % 25 = 0 then 0 else 1 end
						from generate_series(1, ?) g
						""")
			.params(patient, template, count)
			.update();
		jdbc.sql(
				"""
						insert into pathway_step (id, pathway_id, position, key, kind, name_fr, name_en, name_nl, status, due_at,
						                          offset_from_anchor, tolerance, anchor, depends_on, owner_role, added_by_hand,
						                          changed_at)
						select gen_random_uuid(), p.id, s, 'step-' || s, 'CONSULTATION', 'fr', 'en', 'nl', 'PLANNED',
						       p.anchor_at + (s - 4) * interval '1 day', 'P0D', 'P0D', s = 4, '{}', 'COORDINATOR', false, now()
						from pathway p cross join generate_series(0, 7) s where p.template_code = 'hip-plan'
						""")
			.update();
		jdbc.sql("""
				update pathway p set next_step_id = s.id, next_step_kind = s.kind, next_step_due_at = s.due_at
				from pathway_step s where s.pathway_id = p.id and s.position = 0 and p.template_code = 'hip-plan'
				""").update();
		jdbc.sql("analyze pathway").update();
		jdbc.sql("analyze pathway_step").update();
	}

	private JsonNode list(String query) {
		return list(query, null);
	}

	private JsonNode list(String query, String bearer) {
		RestTestClient.RequestHeadersSpec<?> request = http.get().uri("/api/pathways?" + query);
		if (bearer != null) {
			request.header(HttpHeaders.AUTHORIZATION, bearer);
		}
		return request.exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	private static List<UUID> ids(JsonNode page) {
		return page.get("content")
			.valueStream()
			.map(item -> UUID.fromString(item.get("pathwayId").asString()))
			.toList();
	}

}
