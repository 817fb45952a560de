package care.parcours.billing.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import care.parcours.billing.BillingApi;
import care.parcours.test.ParcoursTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue through HTTP: items with valid codes only, tariffs that never overlap,
 * price lists imported whole or not at all, and the sample catalogue when the local
 * platform asks for it.
 */
@ParcoursTest(properties = "parcours.billing.sample-catalogue.enabled=true")
class CatalogueIT {

	private static final String HEADER = "kind,nomenclature,code,label_fr,label_en,label_nl,currency,unit_price,vat_rate,valid_from,valid_until\n";

	@Autowired
	RestTestClient http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anItemWithACodeOutOfItsNomenclatureIsRefusedNamingTheField() {
		new BillingApi(http).post("/api/catalogue/items", """
				{"kind": "MEDICAL_ACT", "nomenclature": "INAMI", "code": "28907A",
				 "labels": {"fr": "Hanche", "en": "Hip", "nl": "Heup"}}
				""")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("code")
			.jsonPath("$.errors[0].message")
			.value(message -> assertThat((String) message).contains("six digits"));
	}

	@Test
	void twoTariffsOfOneItemAndPartnerNeverOverlap() {
		BillingApi api = new BillingApi(http);
		UUID item = api.item("HOTEL", "PARCOURS", "HOTEL-OVERLAP");
		UUID partner = UUID.randomUUID();
		api.tariff(item, partner, "120.00", "10");

		api.post("/api/catalogue/tariffs", """
				{"itemId": "%s", "partnerId": "%s", "unitPrice": {"amount": "130.00", "currency": "EUR"},
				 "vatRate": 10, "validFrom": "2026-06-01", "validUntil": "2026-12-31"}
				""".formatted(item, partner))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/tariff-overlap");
		// Another partner prices the same item as it likes.
		api.tariff(item, UUID.randomUUID(), "130.00", "10");
	}

	@Test
	void aPriceListIsImportedInOneGoAndImportingItAgainChangesNothing() {
		UUID partner = UUID.randomUUID();
		String csv = HEADER
				+ """
						MEDICAL_ACT,CCAM,NFKA007,"Prothèse de genou, totale",Knee replacement,Knieprothese,EUR,10400.00,,2026-01-01,
						MEDICAL_ACT,PARTNER,KNEE-REHAB,Rééducation,Rehabilitation,Revalidatie,EUR,85.50,0,2026-01-01,2026-12-31
						INTERPRETER,PARCOURS,INTERPRETER-HOUR,Interprète,Interpreter,Tolk,EUR,65.00,20,2026-01-01,
						""";

		JsonNode report = BillingApi.body(importing(partner, csv).expectStatus().isOk());
		assertThat(report.get("rows").asInt()).isEqualTo(3);
		assertThat(report.get("tariffsAdded").asInt()).isEqualTo(3);

		JsonNode again = BillingApi.body(importing(partner, csv).expectStatus().isOk());
		assertThat(again.get("tariffsAdded").asInt()).isZero();
		assertThat(again.get("unchanged").asInt()).isEqualTo(3);
		assertThat(tariffsOf(partner)).isEqualTo(3);
	}

	@Test
	void aPriceListWithABadRowImportsNothingAndNamesEachRejectedRow() {
		UUID partner = UUID.randomUUID();
		long items = jdbc.sql("select count(*) from billable_item").query(Long.class).single();
		String csv = HEADER + """
				MEDICAL_ACT,CCAM,NEKA021,Hanche,Hip,Heup,EUR,9800.00,0,2026-01-01,
				MEDICAL_ACT,CCAM,NEK021,Hanche,Hip,Heup,EUR,9800.00,0,2026-01-01,
				HOTEL,PARCOURS,HOTEL-BAD,Nuit,Night,Nacht,EUR,120.00,10,2026-01-01,
				HOTEL,PARCOURS,HOTEL-BAD,Nuit,Night,Nacht,EUR,125.00,10,2026-06-01,
				""";

		importing(partner, csv).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://parcours.care/problems/price-list-rejected")
			.jsonPath("$.rejectedRows.length()")
			.isEqualTo(2)
			.jsonPath("$.rejectedRows[0].line")
			.isEqualTo(3)
			.jsonPath("$.rejectedRows[0].field")
			.isEqualTo("code")
			.jsonPath("$.rejectedRows[1].line")
			.isEqualTo(5)
			.jsonPath("$.rejectedRows[1].field")
			.isEqualTo("valid_from");

		assertThat(tariffsOf(partner)).isZero();
		assertThat(jdbc.sql("select count(*) from billable_item").query(Long.class).single()).isEqualTo(items);
	}

	@Test
	void theSampleCatalogueIsLoadedMarkedAsSampleData() {
		JsonNode items = new BillingApi(http).get("/api/catalogue/items?nomenclature=CCAM&code=NEKA020");

		assertThat(items.get("content").get(0).get("sample").asBoolean()).isTrue();
		assertThat(items.get("content").get(0).get("labels").get("en").asString()).contains("(sample)");
		assertThat(jdbc.sql("select count(*) from tariff where sample").query(Long.class).single()).isEqualTo(10);
	}

	private long tariffsOf(UUID partner) {
		return jdbc.sql("select count(*) from tariff where partner_id = ?").param(partner).query(Long.class).single();
	}

	private RestTestClient.ResponseSpec importing(UUID partner, String csv) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "prices.csv";
			}
		});
		return http.post()
			.uri("/api/catalogue/price-lists?partnerId={partner}", partner)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.exchange();
	}

}
