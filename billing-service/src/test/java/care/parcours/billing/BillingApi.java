package care.parcours.billing;

import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Billing's API as the integration tests call it, staff holding every role. */
public final class BillingApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestTestClient http;

	public BillingApi(RestTestClient http) {
		this.http = http;
	}

	/** A catalogue item; its id. */
	public UUID item(String kind, String nomenclature, String code) {
		return id(post("/api/catalogue/items", """
				{"kind": "%s", "nomenclature": "%s", "code": "%s",
				 "labels": {"fr": "%s (fr)", "en": "%s (en)", "nl": "%s (nl)"}}
				""".formatted(kind, nomenclature, code, code, code, code)));
	}

	/** A tariff of the partner for the item, from 2000 on. */
	public void tariff(UUID item, UUID partner, String price, String vat) {
		http.post().uri("/api/catalogue/tariffs").contentType(MediaType.APPLICATION_JSON).body("""
				{"itemId": "%s", "partnerId": "%s", "unitPrice": {"amount": "%s", "currency": "EUR"},
				 "vatRate": %s, "validFrom": "2000-01-01"}
				""".formatted(item, partner, price, vat)).exchange().expectStatus().isCreated();
	}

	public UUID insurer(String kind, String code) {
		return id(post("/api/insurers", """
				{"kind": "%s", "code": "%s", "label": "Insurer %s", "country": "BE"}
				""".formatted(kind, code, code)));
	}

	/** A policy of the patient with the insurer, the rules as JSON. */
	public UUID policy(UUID patient, UUID insurer, String deductible, String rules) {
		return id(post("/api/coverages", """
				{"patientId": "%s", "insurerId": "%s", "deductible": {"amount": "%s", "currency": "EUR"},
				 "validFrom": "2000-01-01", "rules": %s}
				""".formatted(patient, insurer, deductible, rules)));
	}

	public RestTestClient.ResponseSpec post(String uri, String json) {
		return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(json).exchange();
	}

	public RestTestClient.ResponseSpec post(String uri, String json, String ifMatch) {
		return http.post()
			.uri(uri)
			.header(HttpHeaders.IF_MATCH, ifMatch)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.exchange();
	}

	public RestTestClient.ResponseSpec act(String uri, String ifMatch) {
		return http.post().uri(uri).header(HttpHeaders.IF_MATCH, ifMatch).exchange();
	}

	public JsonNode get(String uri) {
		return json(http.get().uri(uri).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
	}

	public static UUID id(RestTestClient.ResponseSpec created) {
		return UUID.fromString(body(created.expectStatus().isCreated()).get("id").asString());
	}

	public static JsonNode body(RestTestClient.ResponseSpec answer) {
		return json(answer.expectBody().returnResult().getResponseBody());
	}

	public static JsonNode json(byte[] body) {
		return JSON.readTree(body);
	}

}
